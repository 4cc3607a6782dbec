package io.ibex.gateway;

/** 401: no SSO or brokerage session. Trading must stop until the login flow (IBeam) has run. */
public final class GatewaySessionExpiredException extends GatewayException {
    public GatewaySessionExpiredException(String endpoint, String gatewayMessage) {
        super(401, endpoint, gatewayMessage, "The gateway session expired or was never opened; log in (ibex auth login"
            + " or the gateway's web page) and check that no other login (TWS, mobile) took the session");
    }
}
