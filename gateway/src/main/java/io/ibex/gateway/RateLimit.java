package io.ibex.gateway;

import java.time.Duration;
import java.util.Map;

/** At most {@code permits} requests per sliding {@code window}. */
public record RateLimit(int permits, Duration window) {
    public RateLimit {
        if (permits <= 0) throw new IllegalArgumentException("permits must be positive, was " + permits);
        if (window.isNegative() || window.isZero()) throw new IllegalArgumentException("window must be positive");
    }

    /** ibkr-gateway.md §7, keyed by path under {@code /v1/api} without the query string. */
    public static final Map<String, RateLimit> IBKR_TABLE = Map.of(
        "/iserver/marketdata/snapshot", new RateLimit(10, Duration.ofSeconds(1)),
        "/iserver/account/orders", new RateLimit(1, Duration.ofSeconds(5)),
        "/iserver/account/trades", new RateLimit(1, Duration.ofSeconds(5)),
        "/iserver/account/pnl/partitioned", new RateLimit(1, Duration.ofSeconds(5)),
        "/portfolio/accounts", new RateLimit(1, Duration.ofSeconds(5)),
        "/portfolio/subaccounts", new RateLimit(1, Duration.ofSeconds(5)),
        "/tickle", new RateLimit(1, Duration.ofSeconds(1)),
        "/sso/validate", new RateLimit(1, Duration.ofMinutes(1)),
        "/iserver/scanner/run", new RateLimit(1, Duration.ofSeconds(1)));
}
