package io.ibex.live.dashboard;

import io.ibex.framework.domain.Fill;
import io.ibex.framework.domain.Instrument;
import io.ibex.framework.domain.Side;
import io.ibex.session.alert.Alert;
import io.ibex.session.alert.Alerter;
import io.ibex.live.journal.JournalIntent;
import io.ibex.live.journal.OrderJournal;
import io.ibex.live.market.StalenessGuard;
import io.ibex.live.risk.RiskGate;
import io.ibex.live.runner.ExposureBook;
import io.ibex.session.SessionListener;
import io.ibex.session.SessionState;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleSupplier;

/**
 * Builds the dashboard's {@link DashboardSnapshot} from what {@code ibex live} already holds: the journal (orders and
 * fills), the exposure book, the last quotes, the risk gate, the session keeper's last state and the alerts. It never
 * calls the gateway.
 */
public final class LiveFeed implements SessionListener {
    private static final int FILLS_SHOWN = 20;

    /** What the feed reads; the suppliers are the live context's cash and equity. */
    public record Sources(String runner, String strategy, String account, String currency, List<Instrument> instruments,
                          OrderJournal journal, ExposureBook exposure, StalenessGuard guard, RiskGate risk, BooleanSupplier strategyFailed,
                          BooleanSupplier halted, DoubleSupplier cash, DoubleSupplier equity, Alerter alerts) {}

    private final Sources s;
    private volatile SessionState state = SessionState.STARTING;
    private volatile String reason = "starting";

    public LiveFeed(Sources sources) { this.s = sources; }

    @Override public void onSessionStateChanged(SessionState from, SessionState to, String why) {
        state = to;
        reason = why;
    }

    public DashboardSnapshot snapshot(Instant now, boolean connected) {
        boolean healthy = state == SessionState.AUTHENTICATED;
        DashboardSnapshot.Session session = new DashboardSnapshot.Session(state.name(), healthy, reason, healthy ? "" : fix(state));
        List<Fill> fills = s.journal().fills();
        List<DashboardSnapshot.PositionRow> positions = new ArrayList<>();
        Map<Instrument, BigDecimal> average = averagePrices(fills);
        List<String> frozen = new ArrayList<>();
        for (Instrument in : s.instruments()) {
            BigDecimal qty = s.exposure().position(in);
            double last = s.guard().view(in).last();
            BigDecimal mark = Double.isFinite(last) ? BigDecimal.valueOf(last) : null;
            BigDecimal avg = qty.signum() == 0 ? null : average.get(in);
            BigDecimal pnl = mark == null || avg == null ? null : mark.subtract(avg).multiply(qty).setScale(2, RoundingMode.HALF_EVEN);
            positions.add(new DashboardSnapshot.PositionRow(in.symbol(), qty, avg, mark, pnl));
            if (s.risk().isFrozen(in)) frozen.add(in.symbol());
        }
        List<DashboardSnapshot.OrderRow> orders = new ArrayList<>();
        for (JournalIntent i : s.journal().openIntents()) {
            var d = i.draft();
            orders.add(new DashboardSnapshot.OrderRow(i.id().toString(), d.instrument().symbol(), d.side().name(), d.type().name(),
                d.quantity(), i.filledQuantity(), d.limitPrice() != null ? d.limitPrice() : d.stopPrice(), i.status().name()));
        }
        List<DashboardSnapshot.FillRow> recent = new ArrayList<>();
        for (int k = fills.size() - 1; k >= 0 && recent.size() < FILLS_SHOWN; k--) {
            Fill f = fills.get(k);
            recent.add(new DashboardSnapshot.FillRow(Instant.ofEpochMilli(f.timeMillis()), f.orderId().toString(),
                f.instrument().symbol(), f.side().name(), f.quantity(), f.price()));
        }
        boolean halted = s.halted().getAsBoolean();
        String gate = halted ? "kill switch engaged" : !healthy ? "session " + state.name().toLowerCase(java.util.Locale.ROOT)
            : !connected ? "market data or reconciliation pending" : s.strategyFailed().getAsBoolean() ? "strategy FAILED" : "open";
        DashboardSnapshot.Risk risk = new DashboardSnapshot.Risk(gate, halted, frozen, null, "");
        List<DashboardSnapshot.AlertRow> alerts = new ArrayList<>();
        for (Alert a : s.alerts().recent()) alerts.add(new DashboardSnapshot.AlertRow(a.time(), a.level().id(), a.event().id(), a.message()));
        java.util.Collections.reverse(alerts);
        return new DashboardSnapshot(now, s.runner(), s.strategy(), s.strategyFailed().getAsBoolean() ? "FAILED" : "RUNNING", session,
            new DashboardSnapshot.Account(s.account(), s.currency(), money(s.cash().getAsDouble()), money(s.equity().getAsDouble())),
            positions, orders, recent, risk, alerts);
    }

    /** Average entry price of each open position, from the fills in order (a position that crosses zero starts over). */
    static Map<Instrument, BigDecimal> averagePrices(List<Fill> fills) {
        Map<Instrument, BigDecimal> qty = new HashMap<>();
        Map<Instrument, BigDecimal> avg = new HashMap<>();
        for (Fill f : fills) {
            BigDecimal q = qty.getOrDefault(f.instrument(), BigDecimal.ZERO);
            BigDecimal signed = f.side() == Side.BUY ? f.quantity() : f.quantity().negate();
            BigDecimal next = q.add(signed);
            if (q.signum() == 0 || q.signum() != next.signum() && next.signum() != 0) {
                avg.put(f.instrument(), f.price());                       // opened, or flipped through zero
            } else if (q.signum() == signed.signum()) {                    // adding: weighted average
                BigDecimal a = avg.get(f.instrument());
                avg.put(f.instrument(), a.multiply(q.abs()).add(f.price().multiply(signed.abs()))
                    .divide(next.abs(), 8, RoundingMode.HALF_EVEN).stripTrailingZeros());
            }
            qty.put(f.instrument(), next);
        }
        return avg;
    }

    private static BigDecimal money(double v) { return Double.isFinite(v) ? BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_EVEN) : null; }

    private static String fix(SessionState st) {
        return switch (st) {
            case GATEWAY_DOWN -> "start the gateway: ibex gateway start --gateway-dir <dir>; ibex doctor shows what is wrong";
            case LOGIN_REQUIRED, HALTED -> "log in: ibex auth login (approve the IB Key push on your phone)";
            case COMPETING -> "another login holds the session: log out of TWS / the mobile app, or wait for the take-back";
            case RESET_WINDOW -> "nightly reset: the session comes back by itself after the window";
            default -> "wait: ibex is re-opening the session (ibex auth status shows why)";
        };
    }
}
