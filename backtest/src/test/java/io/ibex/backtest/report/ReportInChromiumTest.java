package io.ibex.backtest.report;

import io.ibex.backtest.BacktestConfig;
import io.ibex.backtest.BacktestEngine;
import io.ibex.backtest.BacktestResult;
import io.ibex.backtest.PortfolioEngine;
import io.ibex.framework.strategy.Sizing;
import io.ibex.backtest.metrics.PerformanceMetrics;
import io.ibex.data.BarSources;
import io.ibex.framework.domain.Bars;
import io.ibex.strategies.BreakoutBracket;
import io.ibex.strategies.SmaCross;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * report.html opened in real headless Chromium with every host name unresolvable, on a daily, an intraday, a portfolio
 * and a bracket run: the page must parse into its charts and tables, run its hover script, and render to a screenshot,
 * with no network at all (see {@link Chromium}). `./ibex test` installs Chromium when it is missing.
 */
class ReportInChromiumTest {
    private static final BacktestConfig ALL_IN = BacktestConfig.defaults().withSizing(new Sizing.PercentOfEquity(100));

    @TempDir Path tmp;

    /** Writes the report, returns Chromium's DOM after scripts ran, and keeps a screenshot as target/report-screenshots/NAME.png. */
    private String open(String name, RunInfo info, BacktestResult r) throws Exception {
        ReportWriter.write(tmp, info, r, PerformanceMetrics.of(r));
        Path page = tmp.resolve("report.html");
        String dom = Chromium.dom(page);
        Chromium.screenshot(page, name);
        return dom;
    }

    private static RunInfo info(String strategy, String data) {
        return new RunInfo(strategy, "1", Map.of(), data, Map.of());
    }

    private static String table(String dom, String startTag) {
        String t = dom.substring(dom.indexOf(startTag));
        return t.substring(0, t.indexOf("</table>"));
    }

    private static int count(String s, String part) { return s.split(Pattern.quote(part), -1).length - 1; }

    /** Labels of each chart's y axis and time axis: 5 to 7 values, none repeated on one axis. */
    private static void assertReadableAxes(String dom) {
        Matcher svg = Pattern.compile("<svg[^>]*data-hover[^>]*>(.*?)</svg>", Pattern.DOTALL).matcher(dom);
        int charts = 0;
        while (svg.find()) {
            charts++;
            List<String> y = labels(svg.group(1), "yt"), x = labels(svg.group(1), "xt");
            assertThat(y).as("y ticks").hasSizeBetween(5, 7);
            assertThat(x).as("time ticks").hasSizeBetween(4, 7);
            for (int k = 1; k < x.size(); k++) assertThat(x.get(k)).as("time ticks %s", x).isNotEqualTo(x.get(k - 1));
            assertThat(x).noneMatch(l -> l.contains(".999") || l.contains("T") || l.matches(".*\\d{4}-\\d\\d-\\d\\d.*"));
        }
        assertThat(charts).isGreaterThanOrEqualTo(5);
    }

    private static List<String> labels(String svg, String cls) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("class=\"l " + cls + "\"[^>]*>([^<]*)<").matcher(svg);
        while (m.find()) out.add(m.group(1));
        return out;
    }

    @Test
    void aDailyReportRendersOfflineWithEveryChartAndTable() throws Exception {
        BacktestResult r = new BacktestEngine(ALL_IN).run(BarSources.load("sample:aapl-2013", null), new SmaCross(10, 30));
        String dom = open("daily", info("sma-cross", "sample:aapl-2013"), r);

        assertThat(dom).contains("Final equity").contains("sample:aapl-2013").contains("Sharpe 95% analytic interval")
            .contains("Deflated Sharpe").contains("Exposure").contains("intrabar path pessimistic")
            .contains("Buy &amp; hold return").contains("Alpha vs buy &amp; hold").contains("Beta vs buy &amp; hold")
            .contains(">equity (USD)<").contains(">price (USD)<").contains(">time (UTC)<")
            .contains("Rolling Sharpe").contains("Rolling volatility").contains("svg.chart{display:block;width:100%");
        assertThat(dom).as("one offline file: nothing to fetch").doesNotContainPattern("(src|href)=\"?(https?:)?//");
        assertThat(count(dom, "data-hover-ready=\"1\"")).as("the hover script ran on every line chart").isEqualTo(5);
        assertThat(count(dom, "class=\"cursor\"")).isEqualTo(5);
        String equity = dom.substring(dom.indexOf("Equity against buy and hold"));
        equity = equity.substring(0, equity.indexOf("</svg>"));
        assertThat(count(equity, "<polyline")).as("the strategy and the buy-and-hold line").isEqualTo(2);
        int openMarkers = r.openPositions().isEmpty() ? 0 : 1;
        assertThat(count(dom, "<circle")).isEqualTo(2 * r.trades().size() + openMarkers);
        assertReadableAxes(dom);

        String months = table(dom, "<table class=\"heat\" id=\"monthly-returns\">");
        assertThat(count(months, "<tr>")).as("a header and 2013").isEqualTo(2);
        assertThat(count(months, "style=\"background:#")).as("12 months and the year").isEqualTo(13);
        assertThat(dom).contains("class=\"legend\"");

        String histogram = dom.substring(dom.indexOf("id=\"pnl-histogram\""));
        histogram = histogram.substring(0, histogram.indexOf("</svg>"));
        int binned = 0;
        Matcher bins = Pattern.compile(": (\\d+) trades?</title>").matcher(histogram);
        while (bins.find()) binned += Integer.parseInt(bins.group(1));
        assertThat(binned).as("every trade in one histogram bin").isEqualTo(r.trades().size());

        String trades = table(dom, "<table class=\"trades\">");
        assertThat(count(trades, "<tr>")).as("a header row and one row per trade").isEqualTo(r.trades().size() + 1);
        assertThat(trades).contains("<th>held</th>").contains("<th>return</th>").contains("<th>MAE</th>").contains("<th>MFE</th>")
            .contains("<td class=\"exit\">signal</td>").contains("d</td>");
        assertThat(dom).doesNotContain("id=\"symbols\"");
    }

    @Test
    void movingThePointerOverAChartShowsTheTimeAndEachSeriesValue() throws Exception {
        BacktestResult r = new BacktestEngine(ALL_IN).run(BarSources.load("sample:aapl-2013", null), new SmaCross(10, 30));
        ReportWriter.write(tmp, info("sma-cross", "sample:aapl-2013"), r, PerformanceMetrics.of(r));
        String page = Files.readString(tmp.resolve("report.html"));
        // a pointer in the middle of the equity chart, dispatched after the report's own script has run
        String pointer = "<script>var s=document.querySelector('svg.chart'),b=s.getBoundingClientRect();"
            + "s.dispatchEvent(new MouseEvent('mousemove',{clientX:b.left+b.width/2,clientY:b.top+b.height/2,bubbles:true}));</script>";
        Path hovered = tmp.resolve("hovered.html");
        Files.writeString(hovered, page.replace("</body>", pointer + "</body>"));
        String dom = Chromium.dom(hovered);
        String tip = dom.substring(dom.indexOf("<div id=\"tip\""), dom.indexOf("</div>", dom.indexOf("<div id=\"tip\"")));
        assertThat(tip).doesNotContain("hidden").containsPattern("2013-0[67]-\\d\\d 00:00 UTC")
            .containsPattern("strategy: <b>\\d{2,3},\\d{3}\\.\\d\\d</b>").containsPattern("buy &amp; hold: <b>[\\d,.]+</b>");
        assertThat(dom).containsPattern("<line class=\"cursor\"[^>]*x1=\"[\\d.]+\"");
    }

    @Test
    void anIntradayReportLabelsTimesOfDayWithoutRepeatingTheDate() throws Exception {
        BacktestResult r = new BacktestEngine(ALL_IN).run(BarSources.load("sample:eth-5m-2023", null), new SmaCross(10, 30));
        String dom = open("intraday", info("sma-cross", "sample:eth-5m-2023"), r);
        assertReadableAxes(dom);
        String firstChart = dom.substring(dom.indexOf("<svg"), dom.indexOf("</svg>"));
        List<String> times = labels(firstChart, "xt");
        assertThat(times).anyMatch(l -> l.matches("\\d\\d:00")).anyMatch(l -> l.matches("Mar 1\\d"));
        assertThat(dom).contains(">equity (USD)<").contains("Rolling Sharpe (trailing");
        assertThat(table(dom, "<table class=\"trades\">")).containsPattern("<td class=\"n\">\\d+h( \\d+m)?</td>");
    }

    @Test
    void aPortfolioReportChartsEverySymbolAndBreaksResultsDownPerSymbol() throws Exception {
        Bars aapl = BarSources.load("sample:aapl-2013", null);
        Bars msft = aapl.relabel(io.ibex.framework.domain.Instrument.of("MSFT"), "msft-shifted");
        BacktestResult r = new PortfolioEngine(BacktestConfig.defaults().withSizing(new Sizing.PercentOfEquity(50)))
            .run(List.of(aapl, msft), i -> new SmaCross(i.symbol().equals("MSFT") ? 5 : 10, 30));
        String dom = open("portfolio", info("sma-cross", "sample:aapl-2013, msft"), r);
        assertThat(dom).contains("Price of AAPL").contains("Price of MSFT");
        assertThat(count(dom, "data-hover-ready=\"1\"")).as("four line charts and one price chart per symbol").isEqualTo(6);
        String symbols = table(dom, "<table id=\"symbols\">");
        assertThat(count(symbols, "<tr>")).isEqualTo(3);
        long aaplTrades = r.trades().stream().filter(t -> t.instrument().symbol().equals("AAPL")).count();
        assertThat(symbols).contains("<td>AAPL</td><td class=\"n\">252</td><td class=\"n\">" + aaplTrades + "</td>")
            .contains("<td>MSFT</td>");
        assertThat(count(dom, "<circle")).as("markers of both symbols").isGreaterThanOrEqualTo(2 * r.trades().size());
        assertReadableAxes(dom);
    }

    @Test
    void aBracketReportNamesTheTakeProfitAndStopLossExits() throws Exception {
        BacktestResult r = new BacktestEngine(BacktestConfig.defaults().withSizing(new Sizing.PercentOfEquity(50)))
            .run(BarSources.load("sample:aapl-2013", null), new BreakoutBracket(20, 4, 2));
        assertThat(r.trades()).hasSizeGreaterThan(2);
        String dom = open("bracket", info("breakout-bracket", "sample:aapl-2013"), r);
        String trades = table(dom, "<table class=\"trades\">");
        assertThat(trades).contains("<td class=\"exit\">take-profit</td>").contains("<td class=\"exit\">stop-loss</td>")
            .doesNotContain("<td class=\"exit\"></td>");
    }
}
