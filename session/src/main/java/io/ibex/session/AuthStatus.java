package io.ibex.session;

/** The flags of {@code /iserver/auth/status} (also returned by {@code ssodh/init}). */
public record AuthStatus(boolean authenticated, boolean connected, boolean competing) {
    public boolean healthy() { return authenticated && connected && !competing; }
}
