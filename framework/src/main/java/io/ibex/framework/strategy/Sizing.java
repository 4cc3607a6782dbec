package io.ibex.framework.strategy;

import java.math.BigDecimal;
import java.util.Objects;

/** The run's rule for how big a new position is: {@code --quantity N} or {@code --percent-equity P}; the same in backtest and live. */
public sealed interface Sizing {
    /** Quantity for a new position at {@code price} with {@code equity} in the account; 0 when nothing fits. */
    double sizeFor(double price, double equity);

    /** Always the same quantity, e.g. 1 share as in Ta4j's defaults. */
    record FixedQuantity(BigDecimal quantity) implements Sizing {
        public FixedQuantity {
            Objects.requireNonNull(quantity, "quantity");
            if (quantity.signum() <= 0) throw new IllegalArgumentException("quantity must be positive, was " + quantity);
        }
        @Override public double sizeFor(double price, double equity) { return quantity.doubleValue(); }
    }

    /**
     * Whole units worth at most {@code percent}% of current equity. Whole units keep share counts realistic; a
     * fraction too small for one unit sizes to 0 and the strategy sends nothing.
     */
    record PercentOfEquity(double percent) implements Sizing {
        public PercentOfEquity {
            if (!(percent > 0 && percent <= 100)) throw new IllegalArgumentException("percent of equity must be in (0, 100], was " + percent);
        }
        @Override public double sizeFor(double price, double equity) {
            if (!(price > 0) || !(equity > 0)) return 0;
            return Math.floor(equity * percent / 100.0 / price);
        }
    }

}
