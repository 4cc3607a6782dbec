package io.ibex.gateway;

import feign.Request;
import feign.Response;
import feign.RetryableException;
import feign.codec.ErrorDecoder;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collection;

/**
 * Maps a non-2xx answer to a typed {@link GatewayException}, branching on the status code (the body only refines
 * the 400 case and supplies the message). Only GETs may come back as {@link RetryableException}, and only for
 * 500/502/503/504: a POST or DELETE is never retryable, not even with {@code Retry-After} (Feign's default decoder
 * would make it so; see reliability.md S10 / F12).
 */
public final class GatewayErrorDecoder implements ErrorDecoder {
    private static final int MAX_BODY = 4096;
    private final GatewayClock clock;

    public GatewayErrorDecoder(GatewayClock clock) { this.clock = clock; }

    @Override
    public Exception decode(String methodKey, Response response) {
        Request request = response.request();
        String endpoint = Redact.endpoint(request.url());
        String message = Redact.accounts(ErrorBody.message(readBody(response)));
        int status = response.status();
        GatewayException error = map(status, endpoint, message);
        boolean retryableStatus = status == 500 || status == 502 || status == 503 || status == 504;
        if (request.httpMethod() == Request.HttpMethod.GET && retryableStatus)
            return new RetryableException(status, error.getMessage(), request.httpMethod(), error,
                retryAfterEpochMillis(response), request);
        return error;
    }

    static GatewayException map(int status, String endpoint, String message) {
        return switch (status) {
            case 401 -> new GatewaySessionExpiredException(endpoint, message);
            case 400 -> message.toLowerCase().contains("no bridge")
                ? new NoBridgeException(endpoint, message)
                : new GatewayRequestException(400, endpoint, message);
            case 429 -> new RateLimitedException(endpoint, message);
            case 503 -> new GatewayUnavailableException(endpoint, message);
            default -> status >= 500
                ? new GatewayServerException(status, endpoint, message)
                : new GatewayRequestException(status, endpoint, message);
        };
    }

    private Long retryAfterEpochMillis(Response response) {
        Collection<String> values = response.headers().entrySet().stream()
            .filter(e -> e.getKey() != null && e.getKey().equalsIgnoreCase("Retry-After"))
            .map(java.util.Map.Entry::getValue).findFirst().orElse(null);
        if (values == null || values.isEmpty()) return null;
        String v = values.iterator().next().trim();
        try {
            long seconds = Long.parseLong(v);
            return clock.now().plusSeconds(Math.max(0, seconds)).toEpochMilli();
        } catch (NumberFormatException e) {
            try {
                return Instant.from(java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.parse(v)).toEpochMilli();
            } catch (RuntimeException ignored) {
                return null;
            }
        }
    }

    static String readBody(Response response) {
        if (response.body() == null) return "";
        try (InputStream in = response.body().asInputStream()) {
            return new String(in.readNBytes(MAX_BODY), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
