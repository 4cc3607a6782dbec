package io.ibex.session.alert;

/** One place alerts go: a webhook, ntfy, Telegram. Implementations never log the secret parts of their address. */
public interface AlertChannel {
    /** Safe to print: {@code webhook 127.0.0.1:8080}, never a token or a full URL path. */
    String describe();

    /**
     * Delivers one alert.
     *
     * @throws DeliveryException when it did not arrive; {@link DeliveryException#retryable()} says whether a later
     *                           try can help (timeouts, 429, 5xx) or not (a 4xx: the address or token is wrong)
     */
    void send(Alert alert) throws DeliveryException;

    final class DeliveryException extends Exception {
        private final boolean retryable;

        public DeliveryException(String message, boolean retryable) {
            super(message);
            this.retryable = retryable;
        }

        public boolean retryable() { return retryable; }
    }
}
