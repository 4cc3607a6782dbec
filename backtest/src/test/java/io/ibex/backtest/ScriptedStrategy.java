package io.ibex.backtest;

import io.ibex.framework.domain.ClientOrderId;
import io.ibex.framework.domain.OrderType;
import io.ibex.framework.domain.Side;
import io.ibex.framework.domain.TimeInForce;
import io.ibex.framework.event.OrderEvent;
import io.ibex.framework.strategy.BarWindow;
import io.ibex.framework.strategy.Strategy;
import io.ibex.framework.strategy.StrategyContext;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A test strategy that places given orders on given bars (counted from 0) and records every event it receives. */
final class ScriptedStrategy implements Strategy {
    record Order(Side side, double quantity, OrderType type, double limit, double stop, TimeInForce tif) {}

    private final Map<Integer, List<Order>> script = new HashMap<>();
    final List<OrderEvent> events = new ArrayList<>();
    final List<ClientOrderId> ids = new ArrayList<>();
    private int bar;

    ScriptedStrategy at(int barIndex, Side side, double quantity) {
        return at(barIndex, new Order(side, quantity, OrderType.MKT, Double.NaN, Double.NaN, TimeInForce.DAY));
    }

    ScriptedStrategy at(int barIndex, Order order) {
        script.computeIfAbsent(barIndex, k -> new ArrayList<>()).add(order);
        return this;
    }

    @Override public void onBar(BarWindow closed, StrategyContext ctx) {
        for (Order o : script.getOrDefault(bar, List.of()))
            ids.add(ctx.submit(closed.instrument(), o.side(), o.quantity(), o.type(), o.limit(), o.stop(), o.tif()));
        bar++;
    }

    @Override public void onOrderEvent(OrderEvent event, StrategyContext ctx) { events.add(event); }
}
