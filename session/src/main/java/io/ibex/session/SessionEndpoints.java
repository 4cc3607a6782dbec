package io.ibex.session;

/**
 * The keeper's port to the gateway: the four session calls it needs and nothing else. Implementations never retry and
 * never throw for HTTP outcomes that {@link TickleStatus} can express.
 */
public interface SessionEndpoints {
    /** {@code POST /tickle} with body {@code {}}. */
    TickleStatus tickle();

    /** {@code POST /iserver/auth/status}. */
    AuthStatus authStatus();

    /** {@code POST /iserver/auth/ssodh/init {"publish":true,"compete":<compete>}}. */
    AuthStatus initBrokerage(boolean compete);

    /** {@code GET /iserver/accounts}: IBKR says it must be the first call after every (re)authentication. */
    void accounts();
}
