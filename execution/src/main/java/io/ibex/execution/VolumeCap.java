package io.ibex.execution;

import io.ibex.framework.domain.Bars;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The liquidity rule of {@code --max-volume-pct}: fills on one bar take at most that share of its volume, the rest of
 * an order waits for later bars. Off (no cap) at 0.
 */
final class VolumeCap {
    private final Bars bars;
    private final BigDecimal fraction; // null: no cap
    private BigDecimal left;
    private int index = -1;

    VolumeCap(Bars bars, double maxVolumePct) {
        this.bars = bars;
        this.fraction = maxVolumePct == 0 ? null : BigDecimal.valueOf(maxVolumePct).divide(BigDecimal.valueOf(100));
    }

    /** {@code wanted} limited by what is left of bar {@code current}'s volume; whole units for whole-unit orders. */
    BigDecimal capped(BigDecimal wanted, int current) {
        if (fraction == null) return wanted;
        if (index != current) {
            index = current;
            left = Decimals.of(bars.volume(current)).multiply(fraction);
        }
        BigDecimal cap = left.max(BigDecimal.ZERO);
        if (wanted.stripTrailingZeros().scale() <= 0) cap = cap.setScale(0, RoundingMode.DOWN);
        return wanted.min(cap);
    }

    /** Takes a fill's quantity from the current bar's volume. */
    void consume(BigDecimal quantity) {
        if (left != null) left = left.subtract(quantity);
    }
}
