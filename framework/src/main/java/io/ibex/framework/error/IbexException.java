package io.ibex.framework.error;

/**
 * Root of ibex's unchecked exceptions. Messages say what failed, the offending value and what to do next;
 * the CLI prints them as one line without a stack trace.
 */
public class IbexException extends RuntimeException {
    public IbexException(String message) { super(message); }
    public IbexException(String message, Throwable cause) { super(message, cause); }
}
