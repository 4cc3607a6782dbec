package io.ibex.cli.backtest;

import io.ibex.backtest.BacktestConfig;
import io.ibex.backtest.report.SharpeCi;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One backtest as the command line asks for it.
 *
 * @param bar     bar size for tick data, or null
 * @param symbol  instrument symbol for file data, or null for the file name
 * @param params  raw {@code -p key=value} text, validated against the strategy's declared parameters
 * @param out     output directory, or null to print the summary only
 * @param moreData further data sources after {@code data} (a portfolio run when not empty), in instrument order
 * @param db      the bar store for {@code db:} sources ({@code --db}: a path or jdbc: URL), or null for $IBEX_DB / ~/.ibex/ibex
 * @param sharpeCi how the report's Sharpe interval is computed ({@code --sharpe-ci})
 */
public record BacktestRequest(String data, Duration bar, String symbol, String strategy, Map<String, String> params,
                              BacktestConfig config, Path out, List<Path> plugins, List<String> moreData, String db,
                              SharpeCi sharpeCi) {

    /** A single-symbol run, with db: sources read from the default bar store. */
    public BacktestRequest(String data, Duration bar, String symbol, String strategy, Map<String, String> params,
                           BacktestConfig config, Path out, List<Path> plugins) {
        this(data, bar, symbol, strategy, params, config, out, plugins, List.of(), null, SharpeCi.ANALYTIC);
    }

    /** Every data source, in instrument order. */
    public List<String> allData() {
        List<String> all = new java.util.ArrayList<>();
        all.add(data);
        all.addAll(moreData);
        return all;
    }

    public BacktestRequest {
        moreData = List.copyOf(moreData);
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(sharpeCi, "sharpeCi");
        params = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
        plugins = List.copyOf(plugins);
    }
}
