package io.ibex.session.alert;

/**
 * What an operator alert is about. Each raised event is deduplicated by {@code (event, subject)} until it is resolved;
 * {@link Alert.Level#RESOLVED} tells the same channels that the condition is over.
 */
public enum AlertEvent {
    /** IBeam is waiting for the IB Key push: a phone tap is needed now. */
    IBKEY_APPROVAL_NEEDED("ibkey_approval_needed", Alert.Level.CRITICAL, true),
    /** No session and no way to log in unattended: run {@code ibex auth login}. */
    LOGIN_NEEDED("login_needed", Alert.Level.CRITICAL),
    /** IBeam rejected the credentials; ibex will not retry. */
    LOGIN_REJECTED("login_rejected", Alert.Level.CRITICAL),
    /** The login budget (3 per 30 min, 6 per day) is spent. */
    LOGIN_BUDGET_EXHAUSTED("login_budget_exhausted", Alert.Level.CRITICAL),
    /** The session has been down longer than the configured minutes. */
    SESSION_DOWN("session_down", Alert.Level.CRITICAL),
    /** Another login holds the brokerage session. */
    COMPETING_SESSION("competing_session", Alert.Level.WARNING),
    /** Reconciliation froze an instrument (position mismatch). */
    INSTRUMENT_FROZEN("instrument_frozen", Alert.Level.CRITICAL),
    /** Reconciliation with the broker failed and is being retried; the gate stays closed. */
    RECONCILIATION_FAILED("reconciliation_failed", Alert.Level.CRITICAL),
    /** The kill switch is on. */
    KILL_SWITCH("kill_switch", Alert.Level.CRITICAL),
    /** The daily-loss limit was hit; new orders are denied. */
    DAILY_LOSS_LIMIT("daily_loss_limit", Alert.Level.CRITICAL),
    /** An order POST had an ambiguous answer: look the cOID up before doing anything by hand. */
    ORDER_OUTCOME_UNKNOWN("order_outcome_unknown", Alert.Level.CRITICAL),
    /** The strategy failed and places no more orders. */
    STRATEGY_FAILED("strategy_failed", Alert.Level.CRITICAL),
    /** Any other message for the operator. */
    OPERATOR("operator", Alert.Level.WARNING);

    /** The events of the gateway session: all resolved together when the session is authenticated again. */
    public static final java.util.Set<AlertEvent> SESSION = java.util.EnumSet.of(IBKEY_APPROVAL_NEEDED, LOGIN_NEEDED,
        LOGIN_REJECTED, LOGIN_BUDGET_EXHAUSTED, SESSION_DOWN, COMPETING_SESSION);

    private final String id;
    private final Alert.Level level;
    private final boolean consoleNotice;

    AlertEvent(String id, Alert.Level level) { this(id, level, false); }

    AlertEvent(String id, Alert.Level level, boolean consoleNotice) {
        this.id = id;
        this.level = level;
        this.consoleNotice = consoleNotice;
    }

    /** An instruction for right now ("approve the push"): the console shows it as a notice, not an error. */
    public boolean consoleNotice() { return consoleNotice; }

    /** The stable name in webhook bodies, {@code session_down}. */
    public String id() { return id; }

    /** The level a raise of this event carries. */
    public Alert.Level level() { return level; }
}
