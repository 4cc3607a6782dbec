package io.ibex.session;

/**
 * What the keeper believes about the gateway session. Only {@link #AUTHENTICATED} allows trading: the live runner
 * pauses orders on every other state.
 */
public enum SessionState {
    /** No tickle has answered yet. */
    STARTING,
    /** Tickle says connected, authenticated, not competing; {@code /iserver/accounts} was called after the last login. */
    AUTHENTICATED,
    /** The keeper is re-opening the brokerage session or waiting for an IBeam login. */
    REAUTHENTICATING,
    /** No SSO session (401 or {@code {"error":"no session"}}): a browser login through IBeam is needed. */
    LOGIN_REQUIRED,
    /** Connection refused: the gateway process is not running. */
    GATEWAY_DOWN,
    /** Another platform (TWS, mobile) holds the brokerage session. */
    COMPETING,
    /** Inside a configured nightly reset window: expected outage, no alarms. */
    RESET_WINDOW,
    /** Automatic recovery stopped (bad credentials, login budget spent): an operator must act. */
    HALTED;

    public boolean tradable() { return this == AUTHENTICATED; }
}
