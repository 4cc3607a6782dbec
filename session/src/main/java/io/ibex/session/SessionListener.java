package io.ibex.session;

/** Told about every state change of the {@link SessionKeeper}, on the keeper's thread. */
@FunctionalInterface
public interface SessionListener {
    void onSessionStateChanged(SessionState from, SessionState to, String reason);
}
