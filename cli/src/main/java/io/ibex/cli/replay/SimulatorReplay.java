package io.ibex.cli.replay;

import io.ibex.framework.domain.Bars;
import io.ibex.gateway.AccountId;
import io.ibex.gateway.GatewayClient;
import io.ibex.gateway.GatewayRateLimiter;
import io.ibex.gateway.GatewayTransport;
import io.ibex.gateway.PinnedTls;
import io.ibex.gateway.QuestionPolicy;
import io.ibex.live.runner.GatewayOrders;
import io.ibex.live.runner.OrderGateway;
import io.ibex.sim.Account;
import io.ibex.sim.Execution;
import io.ibex.sim.GatewaySimulator;
import io.ibex.sim.MarketControl;
import io.ibex.sim.PacingMode;
import io.ibex.sim.PriceScript;
import io.ibex.sim.SessionState;
import io.ibex.sim.SimCommission;
import io.ibex.sim.SimClock;
import io.ibex.sim.SimInstrument;
import io.ibex.sim.SimOrder;
import io.ibex.sim.SimulatorBuilder;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A replay venue that is the real {@link GatewaySimulator} over HTTPS (pinned certificate, Feign client, no retries):
 * in-process, step-driven, on a manual clock, one instrument per replayed series (one cash account), each priced by
 * {@link PriceScript#replay(Bars)} (zero spread, open first), an always-open market (no RTH, no DAY expiry) and a
 * session that never expires. The markets are halted while the strategies decide, so an order sent on a bar's close
 * rests; {@link #openBars} moves the clock to the next time's open, steps each opening market's cursor to its open and
 * resumes it, so the matcher fills the order there, at the open, as the backtest's next-open rule does. Then the high
 * and low ticks are visited in the order the backtest's pessimistic intrabar path assumes (against the position: low
 * first when long, high first when short; when flat, toward the first working entry order), then the close, and the
 * markets are halted again. The simulator runs with {@code pathFills} (a tick move is a path: resting LMT/STP orders
 * fill at their own price, in the order reached) and {@code utcDayExpiry} (DAY orders die with the UTC day), and its
 * clock stays at the bar's open for the whole bar, so fills, OCA cancels and expiries carry the bar's time as in the
 * backtest.
 */
public final class SimulatorReplay implements ReplayFills, AutoCloseable {
    static final String ACCOUNT = "DU0000001";
    private static final Duration NEVER = Duration.ofDays(36_500);

    private final GatewaySimulator sim;
    private final SimClock simClock;
    private final Map<String, MarketControl> markets;   // by symbol, in serving order
    private final Map<String, Long> conids = new java.util.HashMap<>();
    private final GatewayOrders orders;
    private final long barMillis;

    private SimulatorReplay(GatewaySimulator sim, SimClock simClock, Map<String, MarketControl> markets, GatewayOrders orders,
                            long barMillis) {
        this.sim = sim;
        this.simClock = simClock;
        this.markets = markets;
        this.orders = orders;
        this.barMillis = barMillis;
    }

    /** Starts the simulator on {@code bars}; the gateway client's wall time follows {@code replayClock}. */
    public static SimulatorReplay start(Bars bars, BigDecimal cash, SimCommission commission, InstantSource replayClock) {
        return start(List.of(bars), cash, commission, replayClock);
    }

    /**
     * Starts the simulator with one instrument per series (one cash account, as the portfolio backtest has); the
     * series share one bar size and differ in symbol.
     */
    public static SimulatorReplay start(List<Bars> series, BigDecimal cash, SimCommission commission, InstantSource replayClock) {
        long barMillis = series.get(0).periodMillis();
        long first = series.stream().mapToLong(b -> b.time(0)).min().orElseThrow();
        SimClock simClock = SimClock.manual(Instant.ofEpochMilli(first - 1));
        SimulatorBuilder builder = GatewaySimulator.builder().clock(simClock).stepDriven().pathFills().utcDayExpiry().pacing(PacingMode.OFF)
            .initialSession(SessionState.AUTHENTICATED).account(Account.paper(ACCOUNT).cash("USD", cash.doubleValue()))
            .commission(commission).nightlyReset(null).brokerageIdleTimeout(NEVER).ssoIdleTimeout(NEVER).maxSessionAge(NEVER);
        List<SimInstrument> instruments = new ArrayList<>();
        for (Bars bars : series) {
            String symbol = bars.instrument().symbol();
            SimInstrument in = "AAPL".equals(symbol) ? SimInstrument.aapl()
                : SimInstrument.stock(990_001L + instruments.size(), symbol, symbol, "NASDAQ");
            instruments.add(in.prices(PriceScript.replay(bars)));
            builder.instrument(instruments.getLast());
        }
        GatewaySimulator sim = builder.start();
        try {
            Map<String, MarketControl> markets = new LinkedHashMap<>();
            for (SimInstrument in : instruments) markets.put(in.symbol(), sim.market(in.conid()).setClosed(false).halt());
            VirtualGatewayClock gclock = new VirtualGatewayClock(replayClock);
            GatewayTransport.Apis apis = GatewayTransport.build(URI.create(sim.rootUrl()), PinnedTls.fromTrustStore(sim.trustStore()),
                gclock, GatewayRateLimiter.ibkrDefaults(gclock), Duration.ofSeconds(10), Duration.ofSeconds(10));
            GatewayClient client = new GatewayClient(apis, gclock);
            AccountId account = client.resolveAccount(ACCOUNT);
            // market data first, as the live loop does
            client.snapshot(instruments.stream().map(SimInstrument::conid).toList(), List.of(31));
            GatewayOrders orders = new GatewayOrders(client, account, QuestionPolicy.allowList(QuestionPolicy.DEFAULT_ALLOWED));
            SimulatorReplay replay = new SimulatorReplay(sim, simClock, markets, orders, barMillis);
            for (SimInstrument in : instruments) replay.conids.put(in.symbol(), in.conid());
            return replay;
        } catch (RuntimeException e) {
            sim.close();
            throw e;
        }
    }

    /** The router's port: {@link GatewayOrders} over the Feign client against this simulator. */
    public OrderGateway orders() { return orders; }

    @Override public void openBars(List<BarAt> opening) {
        long t = opening.getFirst().time();
        simClock.setTo(Instant.ofEpochMilli(t));   // the whole bar happens at its open time, as in the backtest
        for (BarAt b : opening) {
            MarketControl market = market(b);
            market.stepTo(4 * b.i());   // halted: nothing matches yet
            market.resume();            // matching at the open tick: bid = ask = open (a gap from the last close)
        }
        for (BarAt b : opening) {
            MarketControl market = market(b);
            boolean highFirst = highFirst(conids.get(b.bars().instrument().symbol()));
            market.jumpTo(4 * b.i() + (highFirst ? 1 : 2));
            market.jumpTo(4 * b.i() + (highFirst ? 2 : 1));
            market.jumpTo(4 * b.i() + 3);
        }
        for (BarAt b : opening) market(b).halt();   // the strategies decide on these closes next: their orders rest until the next open
    }

    /** The backtest's pessimistic path: against a position, else toward the first working non-market order (creation order). */
    private boolean highFirst(long conid) {
        double position = 0;
        for (Execution x : sim.orders().executions())
            if (x.conid() == conid) position += "BUY".equals(x.side()) ? x.qty() : -x.qty();
        if (Math.abs(position) > 1e-9) return position < 0;
        for (SimOrder o : sim.orders().all())
            if (o.conid() == conid && o.working() && !o.waitingForParent() && !"MKT".equals(o.type())) return "BUY".equals(o.side());
        return true;
    }

    private MarketControl market(BarAt b) { return markets.get(b.bars().instrument().symbol()); }

    @Override public void close() { sim.close(); }
}
