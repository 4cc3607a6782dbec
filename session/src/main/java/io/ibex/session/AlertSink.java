package io.ibex.session;

/**
 * Where messages for a human go: the console or log, and, through {@link io.ibex.session.alert.Alerter}, the operator's
 * webhook, ntfy or Telegram channels. Messages never hold secrets.
 */
public interface AlertSink {
    /** Something needs the operator: login impossible, budget spent, competing session. */
    void alert(String message);

    /** Something the user should do or know right now (approve the phone push), not an error. */
    void notice(String message);

    /**
     * A typed alert: channels deduplicate it by {@code (event, subject)} until {@link #resolve} says it is over. A plain
     * sink shows it as {@link #alert} (or {@link #notice} for an instruction such as "approve the IB Key push now").
     */
    default void raise(io.ibex.session.alert.AlertEvent event, String subject, String message) {
        if (event.consoleNotice()) notice(message);
        else alert(message);
    }

    /** The condition of an earlier {@link #raise} is over; a plain sink shows it as a {@link #notice}. */
    default void resolve(io.ibex.session.alert.AlertEvent event, String subject, String message) { notice(message); }

    /** The terminal: {@code ALERT: ...} on {@code err} (what needs a human), {@code >>> ...} notices on {@code out}. */
    static AlertSink console(java.io.PrintWriter out, java.io.PrintWriter err) {
        return new AlertSink() {
            @Override public void alert(String message) {
                err.println("ALERT: " + message);
                err.flush();
            }

            @Override public void notice(String message) {
                out.println(">>> " + message);
                out.flush();
            }
        };
    }

    static AlertSink logging() {
        org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger("io.ibex.live.session.alerts");
        return new AlertSink() {
            @Override public void alert(String message) { log.error("{}", message); }
            @Override public void notice(String message) { log.warn("{}", message); }
        };
    }
}
