package io.ibex.framework.error;

/** A broker (simulated or IBKR) refused or failed an operation. */
public class BrokerException extends IbexException {
    public BrokerException(String message) { super(message); }
    public BrokerException(String message, Throwable cause) { super(message, cause); }
}
