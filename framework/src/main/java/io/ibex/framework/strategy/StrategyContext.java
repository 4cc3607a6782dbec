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
    /** Epoch milliseconds of the close of the bar being handled: its last millisecond (ADR 0006). */
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

    /** Limit order (LMT): fills at {@code limitPrice} or better. */
    default ClientOrderId limit(Instrument instrument, Side side, double quantity, double limitPrice, TimeInForce tif) {
        return submit(instrument, side, quantity, OrderType.LMT, limitPrice, Double.NaN, tif);
    }

    /** Stop order (STP): becomes a market order once the price trades at {@code stopPrice} (buy: at or above). */
    default ClientOrderId stop(Instrument instrument, Side side, double quantity, double stopPrice, TimeInForce tif) {
        return submit(instrument, side, quantity, OrderType.STP, Double.NaN, stopPrice, tif);
    }

    /** Stop-limit order (STOP_LIMIT): becomes a limit at {@code limitPrice} once {@code stopPrice} trades. */
    default ClientOrderId stopLimit(Instrument instrument, Side side, double quantity, double stopPrice, double limitPrice,
                                    TimeInForce tif) {
        return submit(instrument, side, quantity, OrderType.STOP_LIMIT, limitPrice, stopPrice, tif);
    }

    /**
     * Bracket: an entry order ({@code entryType} MKT, LMT, STP or STOP_LIMIT with its prices; NaN where unused) and two
     * exits of the opposite side, a take-profit limit and a stop-loss stop, which work only once the entry has filled
     * and cancel each other (one OCO group). Cancelling the entry before it fills cancels both exits. Maps onto an IBKR
     * parent order with two attached children sharing an OCA group.
     *
     * @throws UnsupportedOperationException when this context cannot send brackets
     */
    default BracketIds bracket(Instrument instrument, Side side, double quantity, OrderType entryType, double entryLimit,
                               double entryStop, double takeProfit, double stopLoss, TimeInForce tif) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " does not support bracket orders");
    }

    /**
     * Submits an order in the one-cancels-others group {@code ocoGroup}: when any order of the group fills, the
     * others still working are cancelled.
     *
     * @throws UnsupportedOperationException when this context cannot send OCO groups
     */
    default ClientOrderId submitOco(String ocoGroup, Instrument instrument, Side side, double quantity, OrderType type,
                                    double limitPrice, double stopPrice, TimeInForce tif) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " does not support OCO groups");
    }

    /**
     * Changes a working order's quantity and prices (NaN keeps the current value). Returns false when the order is
     * unknown or no longer working. Type, side and time in force cannot change: cancel and resubmit for that.
     *
     * @throws UnsupportedOperationException when this context cannot modify orders
     */
    default boolean modify(ClientOrderId id, double quantity, double limitPrice, double stopPrice) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " does not support modifying orders");
    }
}
