package io.ibex.gateway;

/** 503: the gateway or IBKR's backend is not ready (or an order POST timed out on the gateway's side). */
public final class GatewayUnavailableException extends GatewayException {
    public GatewayUnavailableException(String endpoint, String gatewayMessage) {
        super(503, endpoint, gatewayMessage, "IBKR is not ready (nightly reset, restart or a slow order route); try again"
            + " in a minute");
    }
}
