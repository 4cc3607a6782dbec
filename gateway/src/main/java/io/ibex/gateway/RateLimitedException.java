package io.ibex.gateway;

/**
 * 429 from the gateway, or our own limiter refusing to send while the gateway's penalty box (10-15 min) lasts.
 * Retrying makes the penalty longer, so nothing retries this.
 */
public final class RateLimitedException extends GatewayException {
    public RateLimitedException(String endpoint, String gatewayMessage) {
        super(429, endpoint, gatewayMessage, "IBKR pacing limit hit; the gateway blocks this client for 10-15 minutes."
            + " Wait, then lower the request rate");
    }

    public RateLimitedException(String endpoint, String gatewayMessage, String advice) {
        super(429, endpoint, gatewayMessage, advice);
    }
}
