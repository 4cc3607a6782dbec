package io.ibex.gateway;

/** A 4xx the caller caused (bad parameter, unknown id, 411 missing Content-Length, ...). Not retried. */
public final class GatewayRequestException extends GatewayException {
    public GatewayRequestException(int status, String endpoint, String gatewayMessage) {
        super(status, endpoint, gatewayMessage, status == 411
            ? "The request had no Content-Length (a body-less POST); this is an ibex bug, please report it"
            : "The gateway refused the request; check the symbol, id or account given");
    }
}
