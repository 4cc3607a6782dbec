package io.ibex.gateway;

import feign.Client;
import feign.Request;
import feign.Response;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;

/** A Feign {@link Client} that asks the {@link GatewayRateLimiter} before every request and reports each status. */
public final class PacedClient implements Client {
    private final Client delegate;
    private final GatewayRateLimiter limiter;

    public PacedClient(Client delegate, GatewayRateLimiter limiter) {
        this.delegate = delegate;
        this.limiter = limiter;
    }

    @Override
    public Response execute(Request request, Request.Options options) throws IOException {
        String path = URI.create(request.url()).getRawPath();
        GatewayRateLimiter.Permit permit;
        try {
            permit = limiter.acquire(request.httpMethod().name(), path);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while pacing " + Redact.endpoint(path));
        }
        try (permit) {
            Response response = delegate.execute(request, options);
            limiter.onStatus(response.status());
            return response;
        }
    }
}
