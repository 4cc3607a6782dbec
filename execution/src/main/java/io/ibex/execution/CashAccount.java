package io.ibex.execution;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The cash of one backtest, exact, with a double mirror for per-bar marking. One {@link Ledger} owns it in a
 * single-symbol run; in a portfolio run every instrument's ledger shares the same account.
 */
public final class CashAccount {
    private BigDecimal cash;
    private double cashValue;

    public CashAccount(BigDecimal initialCash) {
        this.cash = Objects.requireNonNull(initialCash, "initialCash");
        this.cashValue = initialCash.doubleValue();
    }

    public BigDecimal cash() { return cash; }

    /** Cash as a double, for the per-bar equity curve only. */
    public double cashValue() { return cashValue; }

    void add(BigDecimal amount) {
        cash = cash.add(amount);
        cashValue = cash.doubleValue();
    }
}
