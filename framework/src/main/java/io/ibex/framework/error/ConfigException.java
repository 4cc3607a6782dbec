package io.ibex.framework.error;

/** A user's configuration or command-line input is wrong: unknown strategy, bad parameter, bad flag. */
public class ConfigException extends IbexException {
    public ConfigException(String message) { super(message); }
    public ConfigException(String message, Throwable cause) { super(message, cause); }
}
