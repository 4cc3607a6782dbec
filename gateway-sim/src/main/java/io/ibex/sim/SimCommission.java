package io.ibex.sim;

/** What the simulated IBKR backend charges for one execution, in USD. */
@FunctionalInterface
public interface SimCommission {
    /** IBKR Pro fixed as the simulator always charged it: USD 0.005 a share, at least 1.00 (no 1 % cap). */
    SimCommission IBKR_LIKE = (qty, price) -> Math.max(1.00, 0.005 * qty);
    /** Nothing: the backtest's default {@code --commission none}, for replays that must match it. */
    SimCommission NONE = (qty, price) -> 0;

    double of(double quantity, double price);
}
