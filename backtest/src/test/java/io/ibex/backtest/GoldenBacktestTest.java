package io.ibex.backtest;

import io.ibex.backtest.metrics.Metrics;
import io.ibex.backtest.metrics.PerformanceMetrics;
import io.ibex.backtest.report.CsvFiles;
import io.ibex.data.BarSources;
import io.ibex.framework.domain.Bars;
import io.ibex.framework.strategy.Params;
import io.ibex.framework.strategy.StrategyFactory;
import io.ibex.framework.strategy.StrategyRegistry;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Golden backtests (STYLE.md 2.13): each shipped strategy on each shipped data set (BTC ticks as 5-minute bars), with its default parameters and the
 * default config, must reproduce the numbers in src/test/resources/golden/NAME.properties, including a SHA-256 over one
 * canonical line per order ({@code id|side|qty|type|limit|stop|submitted|fill:price...}) that catches a moved fill even
 * when the statistics do not change. Regenerate on purpose only: {@code mvn verify -Dgolden.update=true}, and say why in
 * the CHANGELOG.
 */
class GoldenBacktestTest {
    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource({
        "sma-cross, sample:aapl-2013", "sma-cross, sample:eth-5m-2023", "sma-cross, sample:btc-ticks-2013",
        "rsi-reversion, sample:aapl-2013", "rsi-reversion, sample:eth-5m-2023", "rsi-reversion, sample:btc-ticks-2013",
        "bollinger-breakout, sample:aapl-2013", "bollinger-breakout, sample:eth-5m-2023",
        "bollinger-breakout, sample:btc-ticks-2013",
        "breakout-bracket, sample:aapl-2013", "breakout-bracket, sample:eth-5m-2023",
        "breakout-bracket, sample:btc-ticks-2013"})
    void aShippedStrategyReproducesItsGoldenNumbers(String strategy, String data) throws IOException {
        StrategyFactory f = StrategyRegistry.builtIn().find(strategy);
        Bars bars = BarSources.load(data, null);
        BacktestResult r = new BacktestEngine(BacktestConfig.defaults())
            .run(bars, f.create(Params.resolve(strategy, f.params(), Map.of())));
        String actual = golden(r, PerformanceMetrics.of(r));
        String name = strategy + "-" + data.substring("sample:".length()) + ".properties";

        if (Boolean.getBoolean("golden.update")) {
            Path file = Path.of(System.getProperty("ibex.repo.root"), "backtest/src/test/resources/golden", name);
            Files.writeString(file, actual, StandardCharsets.UTF_8);
        }
        try (InputStream in = getClass().getResourceAsStream("/golden/" + name)) {
            assertThat(in).as("golden file %s (create it with -Dgolden.update=true)", name).isNotNull();
            assertThat(actual).isEqualTo(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    static String golden(BacktestResult r, Metrics m) {
        Map<String, StringBuilder> byOrder = new LinkedHashMap<>();
        for (OrderLogEntry e : r.orders()) {
            StringBuilder line = byOrder.computeIfAbsent(e.orderId().value(), k -> new StringBuilder());
            switch (e.event()) {
                case "submitted" -> line.append(e.orderId()).append('|').append(e.side()).append('|')
                    .append(CsvFiles.plain(e.quantity())).append('|').append(e.type()).append('|')
                    .append(CsvFiles.plain(e.price())).append('|').append(e.timeMillis());
                case "filled" -> line.append('|').append(e.timeMillis()).append(':').append(CsvFiles.plain(e.price()));
                default -> line.append('|').append(e.event()).append('@').append(e.timeMillis());
            }
        }
        StringBuilder canonical = new StringBuilder();
        for (StringBuilder line : byOrder.values()) canonical.append(line).append('\n');
        return "trades=" + r.trades().size() + "\n"
            + "orders=" + byOrder.size() + "\n"
            + "netProfit=" + CsvFiles.plain(r.finalEquity().subtract(r.initialCash())) + "\n"
            + "maxDrawdown=" + String.format(Locale.ROOT, "%.10f", m.maxDrawdown()) + "\n"
            + "sharpe=" + String.format(Locale.ROOT, "%.10f", m.sharpe()) + "\n"
            + "orderListSha256=" + sha256(canonical.toString()) + "\n";
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
