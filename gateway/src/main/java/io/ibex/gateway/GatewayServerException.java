package io.ibex.gateway;

/** 5xx other than 503: the gateway failed on its side (also its answer to some malformed requests). */
public final class GatewayServerException extends GatewayException {
    public GatewayServerException(int status, String endpoint, String gatewayMessage) {
        super(status, endpoint, gatewayMessage, "The gateway failed; if it repeats, restart it and check its log"
            + " (logs/gw.*.log)");
    }
}
