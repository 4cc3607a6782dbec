package io.ibex.backtest.sweep;

/** Told about each finished run, from any worker thread. */
public interface SweepProgress {
    SweepProgress NONE = () -> { };

    void runFinished();
}
