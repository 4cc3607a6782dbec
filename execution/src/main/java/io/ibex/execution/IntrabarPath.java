package io.ibex.execution;

import io.ibex.framework.error.ConfigException;

/**
 * The assumed order in which a bar visited its high and low. Bars do not record it, so limit and stop orders that
 * could both trigger inside one bar (a bracket's take-profit and stop-loss, a stop entry and its stop-loss) need an
 * assumption; {@code backtest --path-range} reruns under each one and reports the spread.
 */
public enum IntrabarPath {
    /** open, high, low, close. */
    OHLC("ohlc"),
    /** open, low, high, close. */
    OLHC("olhc"),
    /**
     * Against the trader: with a long position the low comes first (stop before target), with a short one the high;
     * when flat, the bar first moves toward the first working entry order and then against it.
     */
    PESSIMISTIC("pessimistic");

    private final String cliName;

    IntrabarPath(String cliName) { this.cliName = cliName; }

    public String cliName() { return cliName; }

    public static IntrabarPath parse(String text) {
        for (IntrabarPath p : values()) if (p.cliName.equals(text)) return p;
        throw new ConfigException("unknown intrabar path '" + text + "'; use ohlc, olhc or pessimistic");
    }
}
