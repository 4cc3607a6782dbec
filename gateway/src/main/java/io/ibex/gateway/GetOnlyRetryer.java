package io.ibex.gateway;

import feign.Request;
import feign.RetryableException;
import feign.Retryer;

import javax.net.ssl.SSLException;
import java.time.Duration;

/**
 * Retries GETs only (idempotent reads) with bounded exponential backoff or the server's {@code Retry-After},
 * sleeping on the injected clock. Anything else (POST, DELETE) is rethrown at once as a typed exception; a TLS
 * failure is never retried either (a wrong certificate does not heal).
 */
public final class GetOnlyRetryer implements Retryer {
    private final GatewayClock clock;
    private final int maxAttempts;
    private final Duration backoff;
    private final Duration maxBackoff;
    private int attempt = 1;

    public GetOnlyRetryer(GatewayClock clock, int maxAttempts, Duration backoff, Duration maxBackoff) {
        this.clock = clock;
        this.maxAttempts = maxAttempts;
        this.backoff = backoff;
        this.maxBackoff = maxBackoff;
    }

    @Override
    public void continueOrPropagate(RetryableException e) {
        if (e.method() != Request.HttpMethod.GET || attempt >= maxAttempts || isTls(e)) throw unwrap(e);
        long waitMillis = backoff.toMillis() << (attempt - 1);
        Long retryAfter = e.retryAfter();
        if (retryAfter != null) waitMillis = retryAfter - clock.now().toEpochMilli();
        waitMillis = Math.max(0, Math.min(waitMillis, maxBackoff.toMillis()));
        attempt++;
        try {
            clock.sleep(Duration.ofMillis(waitMillis));
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw unwrap(e);
        }
    }

    @Override
    public Retryer clone() { return new GetOnlyRetryer(clock, maxAttempts, backoff, maxBackoff); }

    /** The typed exception behind a Feign {@link RetryableException}. */
    public static RuntimeException unwrap(RetryableException e) {
        if (e.getCause() instanceof GatewayException g) return g;
        String endpoint = e.request() == null ? "?" : Redact.endpoint(e.request().url());
        Throwable root = e.getCause() == null ? e : e.getCause();
        String reason = root instanceof java.net.ConnectException
            ? "connection refused (is the gateway running? check with: ibex gateway status)"
            : root instanceof java.net.http.HttpTimeoutException ? "timed out waiting for the answer"
            : root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + Redact.accounts(root.getMessage()));
        if (isTls(e)) reason = "TLS handshake failed (certificate not the pinned one, or host name mismatch): " + reason;
        return new GatewayUnreachableException(endpoint, reason, e);
    }

    static boolean isTls(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) if (t instanceof SSLException) return true;
        return false;
    }
}
