package io.ibex.framework.error;

/** Market data could not be read or is invalid (bad row, unsorted times, missing file). */
public class DataException extends IbexException {
    public DataException(String message) { super(message); }
    public DataException(String message, Throwable cause) { super(message, cause); }
}
