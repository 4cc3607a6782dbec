package io.ibex.backtest;

import io.ibex.framework.error.ConfigException;

/** When a market order decided on bar {@code t} executes. */
public enum FillMode {
    /** At the open of bar {@code t+1}: the default, and what Ta4j's {@code BarSeriesManager} does. */
    NEXT_OPEN("next-open"),
    /** At the close of bar {@code t} itself: optimistic (the close is already known when deciding), for comparisons. */
    CLOSE("close");

    private final String cliName;

    FillMode(String cliName) { this.cliName = cliName; }

    public String cliName() { return cliName; }

    public static FillMode parse(String text) {
        for (FillMode m : values()) if (m.cliName.equals(text)) return m;
        throw new ConfigException("unknown fill mode '" + text + "'; use next-open or close");
    }
}
