package io.ibex.execution;

import io.ibex.framework.domain.OrderRequest;
import io.ibex.framework.domain.OrderType;
import io.ibex.framework.domain.Side;

import java.math.BigDecimal;

/**
 * The simulated venue's price rules for one order on one bar: where an order fills at the bar's open, where a LMT/STP
 * order triggers along the bar's path, and the adverse slippage on market and stop fills. Stateless but for a
 * STOP_LIMIT order's {@code triggered} flag; {@link SimulatedBroker} decides when they apply.
 */
public final class BarFillRules {
    private BarFillRules() {}

    /** Adverse slippage: buys pay {@code 1 + fraction} times the price, sells receive {@code 1 - fraction}. */
    record Slippage(BigDecimal buyFactor, BigDecimal sellFactor) {
        static Slippage of(BigDecimal fraction) {
            return new Slippage(BigDecimal.ONE.add(fraction), BigDecimal.ONE.subtract(fraction));
        }

        BigDecimal apply(Side side, BigDecimal price) {
            if (buyFactor.compareTo(BigDecimal.ONE) == 0) return price;
            return price.multiply(side == Side.BUY ? buyFactor : sellFactor);
        }
    }

    static double trigger(SimulatedOrder o) {
        return (o.request.type() == OrderType.LMT ? o.request.limitPrice() : o.request.stopPrice()).doubleValue();
    }

    /**
     * How far along the straight move from {@code pos} to {@code to} a LMT ({@code limit}) or STP order at
     * {@code trigger} is reached: 0 when it executes at {@code pos} already, the distance to its trigger when the move
     * reaches it, -1 when the move does not. The one path rule of the backtest and of the simulator's replay
     * ({@code pathFills}): the nearest order fills first.
     */
    public static double reachedAfter(boolean buy, boolean limit, double trigger, double pos, double to) {
        if (limit ? (buy ? pos <= trigger : pos >= trigger) : (buy ? pos >= trigger : pos <= trigger)) return 0;
        boolean reached = to >= pos ? trigger > pos && trigger <= to : trigger < pos && trigger >= to;
        return reached ? Math.abs(trigger - pos) : -1;
    }

    /** {@link #reachedAfter} for one of the simulated venue's LMT/STP orders. */
    static double reachedAfter(SimulatedOrder o, double pos, double to) {
        return reachedAfter(o.request.side() == Side.BUY, o.request.type() == OrderType.LMT, trigger(o), pos, to);
    }

    /** The price at which {@code o} fills at the open of the current bar (STOP_LIMIT: anywhere in it), or null. */
    static BigDecimal openFillPrice(SimulatedOrder o, double open, double high, double low, Slippage slippage) {
        OrderRequest r = o.request;
        boolean buy = r.side() == Side.BUY;
        switch (r.type()) {
            case MKT:
                return slippage.apply(r.side(), Decimals.of(open));
            case LMT: {
                double l = r.limitPrice().doubleValue();
                return (buy ? open <= l : open >= l) ? Decimals.of(open) : null; // else: along the path
            }
            case STP: {
                double stop = r.stopPrice().doubleValue();
                return (buy ? open >= stop : open <= stop) ? slippage.apply(r.side(), Decimals.of(open)) : null;
            }
            case STOP_LIMIT: {
                if (o.triggered) return limitFill(buy, r.limitPrice(), open, high, low);
                double stop = r.stopPrice().doubleValue();
                if (buy ? open >= stop : open <= stop) {
                    o.triggered = true;
                    return limitFill(buy, r.limitPrice(), open, high, low);
                }
                if (buy ? high >= stop : low <= stop) {
                    o.triggered = true;
                    boolean limitAllows = buy ? r.limitPrice().compareTo(r.stopPrice()) >= 0
                        : r.limitPrice().compareTo(r.stopPrice()) <= 0;
                    return limitAllows ? r.stopPrice() : null;
                }
                return null;
            }
            default:
                throw new IllegalStateException("unhandled order type " + r.type());
        }
    }

    private static BigDecimal limitFill(boolean buy, BigDecimal limit, double open, double high, double low) {
        double l = limit.doubleValue();
        if (buy ? open <= l : open >= l) return Decimals.of(open);
        if (buy ? low <= l : high >= l) return limit;
        return null;
    }

}
