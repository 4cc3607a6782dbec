package io.ibex.framework.domain;

import java.util.Objects;

/**
 * A tradable instrument as strategies see it. Broker-specific ids (IBKR conids) stay in the adapters.
 *
 * @param symbol   upper-case ticker such as {@code AAPL} or {@code BTC-USD}
 * @param currency ISO currency of its prices
 */
public record Instrument(String symbol, String currency) {
    public Instrument {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(currency, "currency");
        if (symbol.isBlank()) throw new IllegalArgumentException("instrument symbol must not be blank");
    }

    public static Instrument of(String symbol) { return new Instrument(symbol, "USD"); }

    @Override public String toString() { return symbol; }
}
