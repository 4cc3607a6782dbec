package io.ibex.live.market;

/** Why a snapshot price is not tradable (P3). Any flag means: strategies may see it, risk denies orders on it. */
public enum QuoteFlag {
    /** Older than {@code maxSnapshotAge} on the monotonic clock. */
    STALE,
    /** Last price carried a {@code C} prefix: it is the prior close, not a trade. */
    PRIOR_CLOSE,
    /** Last price carried an {@code H} prefix: trading is halted. */
    HALTED,
    /** The empty first answer for a conid (pre-flight): no values yet. */
    PREFLIGHT,
    /** Market-data availability is delayed, frozen or not subscribed (6509 D/Z/Y/N/O). */
    NOT_REALTIME
}
