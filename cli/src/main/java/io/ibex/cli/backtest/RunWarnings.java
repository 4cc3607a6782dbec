package io.ibex.cli.backtest;

import io.ibex.backtest.BacktestResult;
import io.ibex.backtest.OrderLogEntry;
import io.ibex.framework.strategy.Sizing;
import io.ibex.backtest.report.CsvFiles;
import io.ibex.framework.domain.Bars;
import io.ibex.framework.strategy.ParamSpec;
import io.ibex.framework.strategy.Params;
import io.ibex.framework.strategy.StrategyFactory;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a finished backtest should tell its user although nothing failed: a run that is silently not what was asked
 * for (indicators that never warm up, buys cut to the cash) or whose figures mean little (positions a sliver of equity).
 */
final class RunWarnings {
    /** Below this largest position / equity the run is mostly idle cash. */
    static final double MIN_EXPOSURE = 0.01;
    static final String CASH_CUT = "insufficient cash for the remaining";

    private RunWarnings() {}

    /** A bar-count parameter ({@code slow}, {@code period}, {@code n}...) at least as long as the data: no signal can come. */
    static List<String> warmUp(StrategyFactory factory, Params params, Bars bars, String source) {
        List<String> out = new ArrayList<>();
        for (ParamSpec s : factory.params()) {
            int v = (int) params.doubleValue(s.name());
            if (isBarCount(s) && v >= bars.size())
                out.add("-p " + s.name() + "=" + v + " needs " + v + " bars to warm up but " + source + " has " + bars.size()
                    + ": the strategy cannot trade; use a shorter " + s.name() + " or more data");
        }
        return out;
    }

    /** Warnings about a finished single-symbol run. */
    static List<String> of(BacktestResult r) {
        List<String> out = new ArrayList<>();
        exposure(r).ifPresent(out::add);
        cashCuts(r).ifPresent(out::add);
        return out;
    }

    private static boolean isBarCount(ParamSpec s) {
        String text = (s.name() + " " + s.description()).toLowerCase(Locale.ROOT);
        return s.integer() && (text.contains("period") || text.contains("bars") || text.contains("lookback"));
    }

    private static Optional<String> exposure(BacktestResult r) {
        double[] units = r.position();
        if (units.length != r.bars().size()) return Optional.empty(); // portfolio or not recorded
        double max = 0;
        for (int i = 0; i < units.length; i++)
            if (r.equity()[i] > 0) max = Math.max(max, Math.abs(units[i]) * r.bars().close(i) / r.equity()[i]);
        if (max == 0 || max >= MIN_EXPOSURE) return Optional.empty();
        return Optional.of(String.format(Locale.ROOT, "positions were at most %.2f%% of equity (%s): the returns and"
            + " ratios describe mostly idle cash; size with --percent-equity 100 or a larger --quantity", max * 100,
            SummaryTable.sizing(r.config().sizing())));
    }

    /** Only for {@code --quantity}: percent-of-equity sizing is cut by a unit whenever the next open is above the close. */
    private static Optional<String> cashCuts(BacktestResult r) {
        if (!(r.config().sizing() instanceof Sizing.FixedQuantity)) return Optional.empty();
        List<OrderLogEntry> cut = r.orders().stream().filter(o -> o.event().equals("cancelled") && o.note().startsWith(CASH_CUT)).toList();
        if (cut.isEmpty()) return Optional.empty();
        OrderLogEntry first = cut.get(0);
        BigDecimal filled = r.orders().stream().filter(o -> o.event().equals("filled") && o.orderId().equals(first.orderId()))
            .map(OrderLogEntry::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal asked = r.orders().stream().filter(o -> o.event().equals("submitted") && o.orderId().equals(first.orderId()))
            .map(OrderLogEntry::quantity).findFirst().orElse(filled);
        return Optional.of(cut.size() + (cut.size() == 1 ? " order was" : " orders were") + " cut to what the cash pays"
            + " for: the first asked " + CsvFiles.plain(asked) + " and filled " + CsvFiles.plain(filled) + " on "
            + Instant.ofEpochMilli(first.timeMillis()).toString().substring(0, 10)
            + " (--margin allows negative cash; --percent-equity sizes to the equity)");
    }
}
