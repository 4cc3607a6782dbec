package io.ibex.live.risk;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What already weighs on one instrument, worst case (P4): the position, plus working buy/sell quantity of our open
 * orders, our UNKNOWN intents (counted as if fully filled) and foreign orders on the account.
 *
 * @param pendingBuy  remaining buy quantity of open + UNKNOWN + foreign orders
 * @param pendingSell remaining sell quantity of open + UNKNOWN + foreign orders (positive number)
 */
public record Exposure(BigDecimal position, BigDecimal pendingBuy, BigDecimal pendingSell) {
    public static final Exposure FLAT = new Exposure(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);

    public Exposure {
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(pendingBuy, "pendingBuy");
        Objects.requireNonNull(pendingSell, "pendingSell");
    }

    public BigDecimal worstLong() { return position.add(pendingBuy); }

    public BigDecimal worstShort() { return position.subtract(pendingSell); }
}
