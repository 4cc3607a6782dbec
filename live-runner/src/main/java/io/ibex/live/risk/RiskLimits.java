package io.ibex.live.risk;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Pre-trade limits (P4).
 *
 * @param maxPosition         largest absolute position per instrument, worst case (open orders and UNKNOWN intents
 *                            counted as filled)
 * @param maxOrderValue       largest notional of one order (qty x decision price), account currency
 * @param priceCollar         a limit/stop price may differ from last by at most this fraction (0.05 = 5 %)
 * @param maxOrdersPerMinute  approvals in any 60 s window
 * @param dailyLossLimit      loss from the ET day's starting equity that halts new orders
 * @param maxQuantity         a sanity cap on one order's quantity ("huge" quantities such as 1e12)
 * @param maxSnapshotAgeMillis no decision on data older than this (default 5 s)
 */
public record RiskLimits(BigDecimal maxPosition, BigDecimal maxOrderValue, double priceCollar, int maxOrdersPerMinute,
                         BigDecimal dailyLossLimit, BigDecimal maxQuantity, long maxSnapshotAgeMillis) {
    public RiskLimits {
        Objects.requireNonNull(maxPosition, "maxPosition");
        Objects.requireNonNull(maxOrderValue, "maxOrderValue");
        Objects.requireNonNull(dailyLossLimit, "dailyLossLimit");
        Objects.requireNonNull(maxQuantity, "maxQuantity");
        if (maxPosition.signum() <= 0 || maxOrderValue.signum() <= 0 || dailyLossLimit.signum() <= 0 || maxQuantity.signum() <= 0)
            throw new IllegalArgumentException("risk limits must be positive: " + maxPosition + ", " + maxOrderValue + ", "
                + dailyLossLimit + ", " + maxQuantity);
        if (!(priceCollar > 0 && priceCollar < 1)) throw new IllegalArgumentException("price collar must be in (0, 1), was " + priceCollar);
        if (maxOrdersPerMinute <= 0) throw new IllegalArgumentException("max orders per minute must be positive, was " + maxOrdersPerMinute);
        if (maxSnapshotAgeMillis <= 0) throw new IllegalArgumentException("max snapshot age must be positive, was " + maxSnapshotAgeMillis);
    }

    /** These limits with another price collar. */
    public RiskLimits withPriceCollar(double collar) {
        return new RiskLimits(maxPosition, maxOrderValue, collar, maxOrdersPerMinute, dailyLossLimit, maxQuantity, maxSnapshotAgeMillis);
    }

    /** Conservative defaults for a paper account: 1 000 shares, 100 000 per order, 5 % collar, 30/min, 5 000 a day. */
    public static RiskLimits defaults() {
        return new RiskLimits(new BigDecimal("1000"), new BigDecimal("100000"), 0.05, 30, new BigDecimal("5000"),
            new BigDecimal("100000"), 5_000);
    }
}
