package io.ibex.data;

import java.time.Duration;

/**
 * A data set shipped inside the JAR, loadable as {@code sample:NAME}.
 *
 * @param name        e.g. {@code aapl-2013}
 * @param symbol      instrument symbol of its bars
 * @param resource    file name under {@code io/ibex/data/samples/}
 * @param defaultBar  bar size used for tick samples when none is given; null for bar samples
 * @param description one line for listings
 */
public record Sample(String name, String symbol, String resource, Duration defaultBar, String description) {
    public String spec() { return "sample:" + name; }
}
