package io.ibex.session;

import java.time.Duration;

/** The outcome of one full (browser + 2FA) login attempt through IBeam. */
public sealed interface LoginResult {
    record Succeeded() implements LoginResult {}
    /** The phone approval did not arrive within IBeam's {@code IBEAM_OAUTH_TIMEOUT}. */
    record TwoFaTimeout(Duration waited) implements LoginResult {}
    /** The login page rejected the credentials: retrying would only lock the account out. */
    record BadCredentials(String message) implements LoginResult {}
    /** The attempt budget (reliability F06) is spent until {@code nextAttemptAllowed}. */
    record BudgetExhausted(java.time.Instant nextAttemptAllowed) implements LoginResult {}
    /** Anything else: IBeam could not reach the gateway, crashed, hit its own failure limit. */
    record Failed(String message) implements LoginResult {}
}
