package io.ibex.gateway;

/** The gateway answered 2xx with a body ibex cannot read (HTML, truncated JSON, an unexpected shape). */
public final class GatewayProtocolException extends GatewayException {
    public GatewayProtocolException(String endpoint, String problem) {
        super(200, endpoint, problem, "The answer had an unexpected shape; check the gateway version");
    }
}
