package io.ibex.live.runner;

import io.ibex.framework.domain.ClientOrderId;
import io.ibex.framework.domain.Instrument;
import io.ibex.framework.domain.OrderType;
import io.ibex.framework.domain.Side;
import io.ibex.framework.domain.TimeInForce;
import io.ibex.framework.strategy.BracketIds;
import io.ibex.framework.strategy.StrategyContext;

/** The context of history warm-up: reads pass through to the live one, orders are dropped (history is not tradable). */
final class WarmUpContext implements StrategyContext {
    private final StrategyContext live;
    private long now;
    private int dropped;

    WarmUpContext(StrategyContext live) { this.live = live; }

    void moveTo(long barTime) { now = barTime; }

    int dropped() { return dropped; }

    @Override public long now() { return now; }
    @Override public double position(Instrument instrument) { return live.position(instrument); }
    @Override public double cash() { return live.cash(); }
    @Override public double equity() { return live.equity(); }
    @Override public double sizeFor(Instrument instrument, double price) { return live.sizeFor(instrument, price); }

    @Override
    public ClientOrderId submit(Instrument instrument, Side side, double quantity, OrderType type, double limitPrice,
                                double stopPrice, TimeInForce tif) {
        dropped++;
        return new ClientOrderId("warm-up-" + dropped);
    }

    @Override
    public BracketIds bracket(Instrument instrument, Side side, double quantity, OrderType entryType, double entryLimit,
                              double entryStop, double takeProfit, double stopLoss, TimeInForce tif) {
        dropped += 3;
        return new BracketIds(new ClientOrderId("warm-up-" + (dropped - 2)), new ClientOrderId("warm-up-" + (dropped - 1)),
            new ClientOrderId("warm-up-" + dropped));
    }

    @Override
    public ClientOrderId submitOco(String ocoGroup, Instrument instrument, Side side, double quantity, OrderType type,
                                   double limitPrice, double stopPrice, TimeInForce tif) {
        return submit(instrument, side, quantity, type, limitPrice, stopPrice, tif);
    }

    @Override public boolean modify(ClientOrderId id, double quantity, double limitPrice, double stopPrice) { return false; }

    @Override public void cancel(ClientOrderId id) { }

    @Override public boolean isWorking(ClientOrderId id) { return false; }
}
