package io.ibex.sim;

/** One quote-and-trade state of the market path; {@code atMillis} is epoch ms (or an offset for relative scripts). */
public record Tick(long atMillis, double last, double bid, double ask, long bidSize, long askSize, long lastSize,
                   long cumVolume) {}
