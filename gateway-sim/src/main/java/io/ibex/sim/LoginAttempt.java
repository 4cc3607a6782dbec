package io.ibex.sim;

/** One simulated browser login (§6.1); mutable under the simulator's lock. */
final class LoginAttempt {
    enum State { AWAITING_2FA, SUCCEEDED, FAILED, LOCKED }

    final String id;
    final long startedWallNanos;
    final long startedSimMillis;
    State state;
    String message;

    LoginAttempt(String id, long startedWallNanos, long startedSimMillis, State state, String message) {
        this.id = id;
        this.startedWallNanos = startedWallNanos;
        this.startedSimMillis = startedSimMillis;
        this.state = state;
        this.message = message;
    }
}
