package io.ibex.backtest;

import io.ibex.execution.SimulatedBroker;
import io.ibex.execution.Decimals;
import io.ibex.execution.Ledger;
import io.ibex.execution.CashAccount;
import io.ibex.execution.Trade;
import io.ibex.framework.domain.Bars;
import io.ibex.framework.domain.Instrument;
import io.ibex.framework.domain.Position;
import io.ibex.framework.error.ConfigException;
import io.ibex.framework.error.DataException;
import io.ibex.framework.strategy.Strategy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Runs one strategy over several instruments with one cash account: each instrument gets its own strategy instance,
 * window, simulated broker and position; cash, equity and order ids are shared.
 *
 * <p>The engine walks the union of all bar times in order. At each time, in the order the series were given (the
 * {@code --data} order), first every instrument with a bar there has its earlier orders filled against that bar, then
 * every such instrument's strategy sees the bar closed ({@code onBar}) and, with {@link FillMode#CLOSE}, its market
 * orders fill at the close; then equity is marked. <b>Missing bars:</b> an instrument with no bar at that time is not
 * called, its orders wait for its own next bar, and its position is marked at its last close (before its first bar it
 * can hold nothing). Because fills run in instrument order, an earlier instrument is served first when cash is short.
 *
 * <p>The result's {@link BacktestResult#bars()} is the timeline: one bar per union time, named after the joined
 * symbols ({@code AAPL+MSFT}), with the first instrument's last close as its price; its source starts with
 * {@link #SOURCE_PREFIX}. Trades are ordered by exit time, then instrument order.
 */
public final class PortfolioEngine {
    public static final String SOURCE_PREFIX = "portfolio:";

    private final BacktestConfig config;
    private final LongSupplier nanoClock;

    public PortfolioEngine(BacktestConfig config) { this(config, System::nanoTime); }

    public PortfolioEngine(BacktestConfig config, LongSupplier nanoClock) {
        this.config = Objects.requireNonNull(config, "config");
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
    }

    /** True when {@code r} came from a portfolio run (so its trades carry a symbol column). */
    public static boolean isPortfolio(BacktestResult r) { return r.bars().source().startsWith(SOURCE_PREFIX); }

    /** The symbol whose price the result's timeline carries: the first instrument of a portfolio, else the only one. */
    public static String chartedSymbol(BacktestResult r) {
        String s = r.bars().instrument().symbol();
        int plus = s.indexOf('+');
        return isPortfolio(r) && plus > 0 ? s.substring(0, plus) : s;
    }

    /**
     * @param series     one series per instrument, in the order instruments are served; symbols must differ
     * @param strategies a fresh strategy for each instrument
     */
    public BacktestResult run(List<Bars> series, Function<Instrument, Strategy> strategies) {
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(strategies, "strategies");
        int m = series.size();
        if (m == 0) throw new IllegalArgumentException("a portfolio needs at least one series");
        Set<String> seen = new HashSet<>();
        for (Bars b : series) {
            if (b.size() == 0) throw new DataException("no bars to backtest in " + b.source());
            if (!seen.add(b.instrument().symbol()))
                throw new ConfigException("symbol " + b.instrument().symbol() + " comes from more than one data source ("
                    + b.source() + " is the second); give each symbol once");
        }
        long[] time = unionTimes(series);
        int n = time.length;

        CashAccount account = new CashAccount(config.initialCash());
        Ledger[] ledgers = new Ledger[m];
        for (int k = 0; k < m; k++) ledgers[k] = new Ledger(series.get(k).instrument(), config.initialCash(), account);
        Book book = new Book(account, ledgers);
        List<OrderLogEntry> log = new ArrayList<>();
        Strategy[] strategy = new Strategy[m];
        SimulatedBroker[] broker = new SimulatedBroker[m];
        ColumnarBarWindow[] window = new ColumnarBarWindow[m];
        EngineContext[] ctx = new EngineContext[m];
        for (int k = 0; k < m; k++) {
            Bars b = series.get(k);
            strategy[k] = Objects.requireNonNull(strategies.apply(b.instrument()), "strategy");
            ctx[k] = new EngineContext(b, config.sizing(), ledgers[k], strategy[k], book, log);
            broker[k] = new SimulatedBroker(b, ledgers[k], config.commission(), config.slippageBps(), config.intrabar(),
                config.margin(), config.maxVolumePct(), ctx[k]);
            ctx[k].attach(broker[k]);
            window[k] = new ColumnarBarWindow(b, strategy[k].lookback());
        }
        double[] equity = new double[n];
        double[] position = new double[n];
        int[] next = new int[m];
        boolean[] has = new boolean[m];
        boolean fillAtClose = config.fillMode() == FillMode.CLOSE;

        long start = nanoClock.getAsLong();
        for (int i = 0; i < n; i++) {
            long t = time[i];
            for (int k = 0; k < m; k++) {
                Bars b = series.get(k);
                has[k] = next[k] < b.size() && b.time(next[k]) == t;
                if (!has[k]) continue;
                int j = next[k];
                window[k].moveTo(j);
                ctx[k].moveTo(j);
                broker[k].advanceTo(j);
                broker[k].fillAtBar();
                book.mark(k, b.close(j));
            }
            for (int k = 0; k < m; k++) {
                if (!has[k]) continue;
                ctx[k].deliver();
                strategy[k].onBar(window[k], ctx[k]);
                if (fillAtClose) broker[k].fillMarketAtClose();
                ctx[k].deliver();
                next[k]++;
            }
            double units = 0;
            for (Ledger l : ledgers) units += Math.abs(l.positionValue());
            position[i] = units;
            equity[i] = book.equity();
        }
        for (int k = 0; k < m; k++) {
            broker[k].cancelAll(BacktestEngine.END_OF_DATA);
            ctx[k].deliver();
        }
        long elapsed = nanoClock.getAsLong() - start;

        BigDecimal finalEquity = account.cash();
        BigDecimal commission = BigDecimal.ZERO;
        List<Trade> trades = new ArrayList<>();
        List<Position> open = new ArrayList<>();
        long openSince = Long.MIN_VALUE;
        for (int k = 0; k < m; k++) {
            Ledger l = ledgers[k];
            Bars b = series.get(k);
            finalEquity = finalEquity.add(l.quantity().multiply(Decimals.of(b.close(b.size() - 1))));
            commission = commission.add(l.totalCommission());
            trades.addAll(l.trades());
            open.addAll(l.positions());
            long since = l.openSinceMillis();
            if (since != Long.MIN_VALUE && (openSince == Long.MIN_VALUE || since < openSince)) openSince = since;
        }
        trades.sort(Comparator.comparingLong(Trade::exitTimeMillis)); // stable: instrument order within one time
        return new BacktestResult(timeline(series, time), config, equity, trades, log, finalEquity, commission, open,
            openSince, elapsed, position, series);
    }

    private static long[] unionTimes(List<Bars> series) {
        int total = 0;
        for (Bars b : series) total += b.size();
        long[] all = new long[total];
        int w = 0;
        for (Bars b : series) for (int i = 0; i < b.size(); i++) all[w++] = b.time(i);
        java.util.Arrays.sort(all);
        int u = 0;
        for (int i = 0; i < total; i++) if (u == 0 || all[i] != all[u - 1]) all[u++] = all[i];
        return java.util.Arrays.copyOf(all, u);
    }

    /** One bar per union time priced at the first instrument's last close (its first close before it starts). */
    private static Bars timeline(List<Bars> series, long[] time) {
        Bars first = series.get(0);
        int n = time.length;
        double[] price = new double[n];
        double[] volume = new double[n];
        int j = 0;
        for (int i = 0; i < n; i++) {
            while (j + 1 < first.size() && first.time(j + 1) <= time[i]) j++;
            price[i] = first.close(j);
        }
        StringJoiner symbols = new StringJoiner("+");
        StringJoiner sources = new StringJoiner(", ");
        for (Bars b : series) {
            symbols.add(b.instrument().symbol());
            sources.add(b.source());
        }
        return Bars.of(new Instrument(symbols.toString(), first.instrument().currency()), SOURCE_PREFIX + sources, time,
            price, price, price, price, volume);
    }
}
