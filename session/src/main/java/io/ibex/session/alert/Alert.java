package io.ibex.session.alert;

import java.time.Instant;
import java.util.Objects;

/**
 * One message for the operator's channels. The message, the account and the runner are already redacted when an
 * {@code Alert} exists: channels send them as they are.
 *
 * @param subject what the event is about within its kind (an instrument, a cOID), empty when the event is global
 * @param account the masked account id ({@code U1****67}), empty when not known yet
 * @param runner  who raised it ({@code live aapl}, {@code auth keepalive})
 */
public record Alert(Level level, AlertEvent event, String subject, String message, Instant time, String account, String runner) {
    public enum Level {
        CRITICAL("critical"), WARNING("warning"), RESOLVED("resolved");

        private final String id;

        Level(String id) { this.id = id; }

        public String id() { return id; }
    }

    public Alert {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(time, "time");
        subject = subject == null ? "" : subject;
        account = account == null ? "" : account;
        runner = runner == null ? "" : runner;
    }

    /** A one-line title: {@code ibex: session_down (AAPL)}. */
    public String title() {
        return "ibex " + (level == Level.RESOLVED ? "resolved" : level.id()) + ": " + event.id()
            + (subject.isEmpty() ? "" : " (" + subject + ")");
    }
}
