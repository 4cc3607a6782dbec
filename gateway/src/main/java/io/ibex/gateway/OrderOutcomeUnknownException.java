package io.ibex.gateway;

import io.ibex.framework.domain.ClientOrderId;
import io.ibex.framework.error.BrokerException;

/**
 * An order request may or may not have reached IBKR (timeout, reset, 503, unreadable answer). Never resend blindly:
 * look the order up by its cOID first ({@code IbkrBroker.lookupByCoid}).
 */
public final class OrderOutcomeUnknownException extends BrokerException {
    private final ClientOrderId clientOrderId;

    public OrderOutcomeUnknownException(ClientOrderId clientOrderId, Throwable cause) {
        super("order " + clientOrderId + ": outcome unknown (" + (cause == null ? "no answer" : cause.getMessage())
            + "). It was NOT resent; look it up by cOID in live orders and trades (ibex orders) before acting", cause);
        this.clientOrderId = clientOrderId;
    }

    public ClientOrderId clientOrderId() { return clientOrderId; }
}
