package io.ibex.gateway;

/** 400 "no bridge" on an /iserver route: the brokerage session is not open; {@code ssodh/init} reopens it. */
public final class NoBridgeException extends GatewayException {
    public NoBridgeException(String endpoint, String gatewayMessage) {
        super(400, endpoint, gatewayMessage, "The brokerage session is not open; run ibex auth login (it calls"
            + " /iserver/auth/ssodh/init) and try again");
    }
}
