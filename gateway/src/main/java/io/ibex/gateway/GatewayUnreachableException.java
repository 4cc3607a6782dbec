package io.ibex.gateway;

/** No HTTP answer at all: connection refused or reset, timeout, or the TLS handshake failed (pin mismatch). */
public final class GatewayUnreachableException extends GatewayException {
    public GatewayUnreachableException(String endpoint, String reason, Throwable cause) {
        super(0, endpoint, reason, "Check that the gateway runs at the configured URL (--gateway / IBEX_GATEWAY) and"
            + " that its certificate matches the pinned one (--gateway-cert / IBEX_GATEWAY_CERT; see ibex gateway cert)", cause);
    }
}
