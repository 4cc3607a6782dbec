package io.ibex.backtest;

import io.ibex.execution.SimulatedBroker;
import io.ibex.execution.Decimals;
import io.ibex.execution.Ledger;
import io.ibex.framework.domain.Bars;
import io.ibex.framework.error.DataException;
import io.ibex.framework.strategy.Strategy;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Runs one strategy over one series of bars, event by event, with no allocation per bar unless an order is placed.
 *
 * <p>Per bar {@code i}: the broker fills orders from earlier bars against bar {@code i} (market orders at its open),
 * and the strategy is told of those events, then it sees bar {@code i} as closed ({@code ctx.now()} is its close) and
 * may order, then (with {@link FillMode#CLOSE}) market orders of bar {@code i} fill at its close, then the strategy is
 * told of the events its orders caused (after {@code onBar} returns, never inside it), then equity is marked at the close. Orders still working after the last bar are
 * cancelled ("end of data"), so a signal on the last bar never fills.
 *
 * <pre>{@code BacktestResult r = new BacktestEngine(BacktestConfig.defaults()).run(bars, strategy);}</pre>
 */
public final class BacktestEngine {
    static final String END_OF_DATA = "end of data: no later bar to fill on";

    private final BacktestConfig config;
    private final LongSupplier nanoClock;

    public BacktestEngine(BacktestConfig config) { this(config, System::nanoTime); }

    /** @param nanoClock monotonic nanoseconds, only to time the run for the report */
    public BacktestEngine(BacktestConfig config, LongSupplier nanoClock) {
        this.config = Objects.requireNonNull(config, "config");
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
    }

    public BacktestConfig config() { return config; }

    public BacktestResult run(Bars bars, Strategy strategy) {
        Objects.requireNonNull(bars, "bars");
        Objects.requireNonNull(strategy, "strategy");
        int n = bars.size();
        if (n == 0) throw new DataException("no bars to backtest in " + bars.source());
        Ledger ledger = new Ledger(bars.instrument(), config.initialCash());
        EngineContext ctx = new EngineContext(bars, config.sizing(), ledger, strategy);
        SimulatedBroker broker = new SimulatedBroker(bars, ledger, config.commission(), config.slippageBps(), config.intrabar(),
            config.margin(), config.maxVolumePct(), ctx);
        ctx.attach(broker);
        ColumnarBarWindow window = new ColumnarBarWindow(bars, strategy.lookback());
        double[] equity = new double[n];
        double[] position = new double[n];
        boolean fillAtClose = config.fillMode() == FillMode.CLOSE;

        long start = nanoClock.getAsLong();
        for (int i = 0; i < n; i++) {
            window.moveTo(i);
            ctx.moveTo(i);
            broker.advanceTo(i);
            broker.fillAtBar();
            ctx.deliver();
            strategy.onBar(window, ctx);
            if (fillAtClose) broker.fillMarketAtClose();
            ctx.deliver();
            position[i] = ledger.positionValue();
            equity[i] = ledger.cashValue() + position[i] * bars.close(i);
        }
        broker.cancelAll(END_OF_DATA);
        ctx.deliver();
        long elapsed = nanoClock.getAsLong() - start;

        BigDecimal finalEquity = ledger.equity(Decimals.of(bars.close(n - 1)));
        return new BacktestResult(bars, config, equity, ledger.trades(), ctx.log(), finalEquity,
            ledger.totalCommission(), ledger.positions(), ledger.openSinceMillis(), elapsed, position);
    }
}
