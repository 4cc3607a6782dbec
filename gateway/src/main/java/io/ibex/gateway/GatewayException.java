package io.ibex.gateway;

import io.ibex.framework.error.BrokerException;

/**
 * The gateway answered with an error status or could not be reached. Carries the HTTP status (0 when no answer
 * came back), the endpoint path (account ids masked) and the gateway's own message, if it sent one.
 */
public class GatewayException extends BrokerException {
    private final int status;
    private final String endpoint;
    private final String gatewayMessage;

    public GatewayException(int status, String endpoint, String gatewayMessage, String advice) {
        this(status, endpoint, gatewayMessage, advice, null);
    }

    public GatewayException(int status, String endpoint, String gatewayMessage, String advice, Throwable cause) {
        super(describe(status, endpoint, gatewayMessage, advice), cause);
        this.status = status;
        this.endpoint = endpoint;
        this.gatewayMessage = gatewayMessage == null ? "" : gatewayMessage;
    }

    private static String describe(int status, String endpoint, String gatewayMessage, String advice) {
        StringBuilder s = new StringBuilder("IBKR gateway ");
        s.append(status == 0 ? "gave no answer" : "answered HTTP " + status).append(" to ").append(endpoint);
        if (gatewayMessage != null && !gatewayMessage.isBlank()) s.append(": \"").append(gatewayMessage).append('"');
        if (advice != null && !advice.isBlank()) s.append(". ").append(advice);
        return s.toString();
    }

    /** HTTP status, or 0 when the connection failed before a status arrived. */
    public int status() { return status; }

    public String endpoint() { return endpoint; }

    /** The gateway's {@code error} text, empty when the body had none. */
    public String gatewayMessage() { return gatewayMessage; }
}
