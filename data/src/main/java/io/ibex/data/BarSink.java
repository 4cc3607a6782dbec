package io.ibex.data;

/**
 * Receives the valid bars of a file one at a time, in time order, as a reader finds them (see
 * {@link BarFiles#stream}). Bad rows never reach the sink: they go to the {@link BadRows} policy first. A sink that
 * throws stops the read; the exception propagates unchanged.
 */
@FunctionalInterface
public interface BarSink {
    /**
     * @param line the 1-based file line the bar comes from (bar CSV: its row; ticks: the bucket's last tick; JSON: the
     *             line where the bar object starts)
     * @param time bar time, epoch millis UTC
     */
    void bar(long line, long time, double open, double high, double low, double close, double volume);
}
