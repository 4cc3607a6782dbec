package io.ibex.execution.commission;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * Per-share rates by month-to-date share volume, charged marginally: with 299,500 shares already traded this month,
 * a 1,000-share order pays 500 shares at the first rate and 500 at the second.
 *
 * @param upperShares inclusive upper bound of each tier but the last, strictly increasing
 * @param rates       one rate per tier, so {@code rates.size() == upperShares.size() + 1}
 */
public record VolumeTiers(List<BigDecimal> upperShares, List<BigDecimal> rates) {

    public VolumeTiers {
        upperShares = List.copyOf(upperShares);
        rates = List.copyOf(rates);
        if (rates.size() != upperShares.size() + 1)
            throw new IllegalArgumentException("volume tiers need one more rate than bounds (the last tier is open):"
                + " got " + upperShares.size() + " bounds and " + rates.size() + " rates");
        for (int i = 1; i < upperShares.size(); i++)
            if (upperShares.get(i).compareTo(upperShares.get(i - 1)) <= 0)
                throw new IllegalArgumentException("volume tier bounds must increase: " + upperShares);
        rates.forEach(r -> Orders.requireNonNegative(r, "tier rate"));
    }

    /** IBKR Pro Tiered, US stocks ({@link IbkrUsStockRates}). */
    public static VolumeTiers ibkr() {
        return new VolumeTiers(IbkrUsStockRates.TIER_UPPER_SHARES, IbkrUsStockRates.TIER_RATES);
    }

    /** Sum of rate x shares over the volume interval (volumeBefore, volumeBefore + quantity]. Exact. */
    public BigDecimal marginalCost(BigDecimal volumeBefore, BigDecimal quantity) {
        Objects.requireNonNull(volumeBefore, "volumeBefore");
        Objects.requireNonNull(quantity, "quantity");
        BigDecimal from = volumeBefore;
        BigDecimal to = volumeBefore.add(quantity);
        BigDecimal cost = BigDecimal.ZERO;
        BigDecimal lower = BigDecimal.ZERO;
        for (int i = 0; i < rates.size(); i++) {
            BigDecimal upper = i < upperShares.size() ? upperShares.get(i) : null;
            BigDecimal start = from.max(lower);
            BigDecimal end = upper == null ? to : to.min(upper);
            if (end.compareTo(start) > 0) cost = cost.add(end.subtract(start).multiply(rates.get(i)));
            if (upper == null || to.compareTo(upper) <= 0) break;
            lower = upper;
        }
        return cost;
    }
}
