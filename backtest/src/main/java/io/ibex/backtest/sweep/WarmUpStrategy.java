package io.ibex.backtest.sweep;

import io.ibex.framework.domain.ClientOrderId;
import io.ibex.framework.domain.Instrument;
import io.ibex.framework.domain.OrderType;
import io.ibex.framework.domain.Side;
import io.ibex.framework.domain.TimeInForce;
import io.ibex.framework.event.OrderEvent;
import io.ibex.framework.strategy.BarWindow;
import io.ibex.framework.strategy.Strategy;
import io.ibex.framework.strategy.StrategyContext;

/**
 * Feeds a strategy its first {@code warmUpBars} bars with every order dropped, so its indicators are ready when the
 * real (out-of-sample) bars start, and the account is untouched: still all cash, flat. Strategies that read their
 * position from the context (all shipped ones do) stay consistent; one that assumes its orders filled would not.
 */
final class WarmUpStrategy implements Strategy {
    private final Strategy inner;
    private final int warmUpBars;
    private final Muted muted = new Muted();
    private int seen;

    WarmUpStrategy(Strategy inner, int warmUpBars) {
        this.inner = inner;
        this.warmUpBars = warmUpBars;
    }

    @Override public int lookback() { return inner.lookback(); }

    @Override public void onBar(BarWindow closed, StrategyContext ctx) {
        if (seen++ < warmUpBars) {
            muted.ctx = ctx;
            inner.onBar(closed, muted);
        } else {
            inner.onBar(closed, ctx);
        }
    }

    @Override public void onOrderEvent(OrderEvent event, StrategyContext ctx) { inner.onOrderEvent(event, ctx); }

    /** Reads pass through; submits are dropped (null id), as if sizing allowed nothing. */
    private static final class Muted implements StrategyContext {
        StrategyContext ctx;

        @Override public long now() { return ctx.now(); }
        @Override public double position(Instrument instrument) { return ctx.position(instrument); }
        @Override public double cash() { return ctx.cash(); }
        @Override public double equity() { return ctx.equity(); }
        @Override public double sizeFor(Instrument instrument, double price) { return ctx.sizeFor(instrument, price); }
        @Override public ClientOrderId submit(Instrument instrument, Side side, double quantity, OrderType type,
                                              double limitPrice, double stopPrice, TimeInForce tif) { return null; }
        @Override public void cancel(ClientOrderId id) { }
        @Override public boolean isWorking(ClientOrderId id) { return false; }
    }
}
