package io.ibex.framework.port;

import io.ibex.framework.domain.Instrument;

import java.time.Duration;

/**
 * Source of closed bars: recorded bars in a backtest, gateway snapshots turned into bars live.
 * Bars arrive in time order, each only once it has closed.
 */
public interface MarketData {
    /** Starts delivering closed bars of {@code barSize} for {@code instrument} to {@code listener}. */
    void subscribe(Instrument instrument, Duration barSize, BarListener listener);

    @FunctionalInterface
    interface BarListener {
        void onBar(Instrument instrument, long timeMillis, double open, double high, double low, double close, double volume);
    }
}
