package io.ibex.framework.strategy;

import io.ibex.framework.domain.ClientOrderId;
import io.ibex.framework.domain.Instrument;
import io.ibex.framework.domain.OrderType;
import io.ibex.framework.domain.Side;
import io.ibex.framework.domain.TimeInForce;

/**
 * Everything a strategy may know and do. Time is {@link #now()}: the close time of the bar being handled, never the
 * wall clock. Quantities and prices are doubles here for convenience; the engine and brokers turn them into exact
 * decimals at the order edge.
 */
public interface StrategyContext {
    /** Epoch milliseconds of the bar being handled. */
    long now();

    /** Signed position in {@code instrument} (negative = short), including fills up to now. */
    double position(Instrument instrument);

    /** Cash in the account currency. */
    double cash();

    /** Cash plus positions marked at the last close. */
    double equity();

    /**
     * Quantity the run's sizing rule gives for a new position at {@code price} (e.g. {@code --quantity 1} or
     * {@code --percent-equity 10}). Zero when the rule allows nothing.
     */
    double sizeFor(Instrument instrument, double price);

    /** Submits an order; returns its id. The order is first considered on the NEXT bar, never the one just closed. */
    ClientOrderId submit(Instrument instrument, Side side, double quantity, OrderType type, double limitPrice,
                         double stopPrice, TimeInForce tif);

    /** Cancels a working order; unknown or finished orders are ignored and reported through {@link Strategy#onOrderEvent}. */
    void cancel(ClientOrderId id);

    /** True while the order is working (accepted, not filled, not cancelled). */
    boolean isWorking(ClientOrderId id);

    default ClientOrderId buy(Instrument instrument, double quantity) {
        return submit(instrument, Side.BUY, quantity, OrderType.MKT, Double.NaN, Double.NaN, TimeInForce.DAY);
    }

    default ClientOrderId sell(Instrument instrument, double quantity) {
        return submit(instrument, Side.SELL, quantity, OrderType.MKT, Double.NaN, Double.NaN, TimeInForce.DAY);
    }

    /** Market order to go long by the sizing rule, if flat. Returns null when nothing was sent. */
    default ClientOrderId enterLong(BarWindow w) {
        if (position(w.instrument()) != 0) return null;
        double qty = sizeFor(w.instrument(), w.close(0));
        return qty > 0 ? buy(w.instrument(), qty) : null;
    }

    /** Market order to go short by the sizing rule, if flat. Returns null when nothing was sent. */
    default ClientOrderId enterShort(BarWindow w) {
        if (position(w.instrument()) != 0) return null;
        double qty = sizeFor(w.instrument(), w.close(0));
        return qty > 0 ? sell(w.instrument(), qty) : null;
    }

    /** Market order that flattens the position, if any. Returns null when already flat. */
    default ClientOrderId exit(Instrument instrument) {
        double pos = position(instrument);
        if (pos > 0) return sell(instrument, pos);
        if (pos < 0) return buy(instrument, -pos);
        return null;
    }
}
