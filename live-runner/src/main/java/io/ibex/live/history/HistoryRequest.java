package io.ibex.live.history;

import io.ibex.data.BarSizes;
import io.ibex.framework.error.ConfigException;
import io.ibex.framework.error.DataException;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code ibex data fetch} asks the gateway for: a period back from now and a bar size, both checked against
 * the values {@code /iserver/marketdata/history} accepts (ibkr-gateway.md §5.2), plus the page size that keeps
 * every request within the gateway's 1000 points.
 *
 * @param period        IBKR form, e.g. {@code 1y}, {@code 6m} (months), {@code 3d}, {@code 8h}, {@code 30min}
 * @param periodSeconds the period in seconds (a month is 30 days, a year 365, as the gateway counts them)
 * @param bar           IBKR form, e.g. {@code 1d}, {@code 5min}, {@code 1h}
 * @param barSize       the bar size as the bar store keys it
 */
public record HistoryRequest(String period, long periodSeconds, String bar, Duration barSize) {
    /** The most points one history answer carries. */
    public static final int MAX_POINTS = 1000;

    private static final Pattern PERIOD = Pattern.compile("(\\d{1,4})\\s*(min|mins|h|d|w|mo|month|months|y)");
    private static final Map<Long, String> BARS = Map.ofEntries(
        Map.entry(60L, "1min"), Map.entry(120L, "2min"), Map.entry(180L, "3min"), Map.entry(300L, "5min"),
        Map.entry(600L, "10min"), Map.entry(900L, "15min"), Map.entry(1800L, "30min"), Map.entry(3600L, "1h"),
        Map.entry(7200L, "2h"), Map.entry(10800L, "3h"), Map.entry(14400L, "4h"), Map.entry(28800L, "8h"),
        Map.entry(86400L, "1d"), Map.entry(604800L, "1w"));

    /** Parses {@code --period} (min, h, d, w, mo, y) and {@code --bar} (as {@code data import}: 1m = one minute). */
    public static HistoryRequest parse(String periodText, String barText) {
        Duration size;
        try {
            size = BarSizes.parse(barText);
        } catch (DataException e) {
            throw new ConfigException("--bar: " + e.getMessage(), e);
        }
        String bar = BARS.get(size.toSeconds());
        if (bar == null)
            throw new ConfigException("--bar " + barText.trim() + ": the gateway serves 1m 2m 3m 5m 10m 15m 30m 1h 2h 3h 4h 8h 1d 1w bars");
        String p = periodText == null ? "" : periodText.trim().toLowerCase(Locale.ROOT);
        if (p.matches("\\d+\\s*m"))
            throw new ConfigException("--period " + periodText.trim() + " is ambiguous: write " + p.replaceAll("\\D", "")
                + "mo for months or " + p.replaceAll("\\D", "") + "min for minutes");
        Matcher m = PERIOD.matcher(p);
        if (!m.matches())
            throw new ConfigException("--period '" + periodText + "' is not valid: use e.g. 30min, 8h, 10d, 4w, 6mo, 1y");
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2);
        long[] rule = switch (unit) { // max count, seconds per unit
            case "min", "mins" -> new long[] {30, 60};
            case "h" -> new long[] {8, 3_600};
            case "d" -> new long[] {1000, 86_400};
            case "w" -> new long[] {792, 604_800};
            case "mo", "month", "months" -> new long[] {182, 2_592_000};
            default -> new long[] {15, 31_536_000};
        };
        if (n < 1 || n > rule[0])
            throw new ConfigException("--period " + periodText.trim() + ": the gateway accepts 1 to " + rule[0] + " of that unit");
        String ibkrUnit = switch (unit) {
            case "min", "mins" -> "min";
            case "mo", "month", "months" -> "m";
            default -> unit;
        };
        long seconds = n * rule[1];
        if (size.toSeconds() > seconds)
            throw new ConfigException("--bar " + barText.trim() + " is longer than --period " + periodText.trim());
        return new HistoryRequest(n + ibkrUnit, seconds, bar, size);
    }

    public long barMillis() { return barSize.toMillis(); }

    /** The longest period one request can ask for without exceeding {@link #MAX_POINTS} bars, in IBKR form. */
    public String pagePeriod() {
        long span = MAX_POINTS * barSize.toSeconds();
        if (span >= 86_400) return Math.min(1000, span / 86_400) + "d";
        if (span >= 3_600) return Math.min(8, span / 3_600) + "h";
        return Math.min(30, span / 60) + "min";
    }

    /** {@link #pagePeriod()} in seconds. */
    public long pageSeconds() {
        String p = pagePeriod();
        long n = Long.parseLong(p.replaceAll("\\D", ""));
        return p.endsWith("d") ? n * 86_400 : p.endsWith("h") ? n * 3_600 : n * 60;
    }

    /** True when the whole period fits one request. */
    public boolean fitsOnePage() { return periodSeconds <= pageSeconds(); }
}
