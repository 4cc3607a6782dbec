package io.ibex.live.session;

/** Where messages for a human go (log at ERROR/WARN by default; a chat hook later). Messages never hold secrets. */
public interface AlertSink {
    /** Something needs the operator: login impossible, budget spent, competing session. */
    void alert(String message);

    /** Something the user should do or know right now (approve the phone push), not an error. */
    void notice(String message);

    static AlertSink logging() {
        org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger("io.ibex.live.session.alerts");
        return new AlertSink() {
            @Override public void alert(String message) { log.error("{}", message); }
            @Override public void notice(String message) { log.warn("{}", message); }
        };
    }
}
