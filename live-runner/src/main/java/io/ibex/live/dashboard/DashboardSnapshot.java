package io.ibex.live.dashboard;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * What the live dashboard shows at one moment, built by the runner from its own state (journal, exposure, risk gate,
 * session keeper) once per loop pass: publishing it never calls the gateway. Account ids are masked before they get here.
 */
public record DashboardSnapshot(Instant time, String runner, String strategy, String strategyStatus, Session session,
                                Account account, List<PositionRow> positions, List<OrderRow> orders, List<FillRow> fills,
                                Risk risk, List<AlertRow> alerts) {
    public DashboardSnapshot {
        positions = List.copyOf(positions);
        orders = List.copyOf(orders);
        fills = List.copyOf(fills);
        alerts = List.copyOf(alerts);
    }

    /** @param fix what to do when the session is not healthy; empty when it is */
    public record Session(String state, boolean healthy, String reason, String fix) {}

    /** @param id masked ({@code DU****67}) */
    public record Account(String id, String currency, BigDecimal cash, BigDecimal equity) {}

    public record PositionRow(String symbol, BigDecimal quantity, BigDecimal averagePrice, BigDecimal mark, BigDecimal unrealizedPnl) {}

    public record OrderRow(String clientOrderId, String symbol, String side, String type, BigDecimal quantity, BigDecimal filled,
                           BigDecimal price, String status) {}

    public record FillRow(Instant time, String clientOrderId, String symbol, String side, BigDecimal quantity, BigDecimal price) {}

    /** @param gate {@code open}, or why new orders are denied */
    public record Risk(String gate, boolean halted, List<String> frozen, BigDecimal dailyPnl, String lastDenial) {
        public Risk {
            frozen = List.copyOf(frozen);
        }
    }

    public record AlertRow(Instant time, String level, String event, String message) {}
}
