package io.ibex.data;

import io.ibex.framework.domain.Bars;
import io.ibex.framework.domain.Instrument;
import io.ibex.framework.error.DataException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Resolves a data source spec as the CLI's {@code --data SRC} takes it: {@code sample:NAME}, a file path (CSV bars,
 * ta4j JSON bars, or tick CSV with a bar size), or {@code db:SYMBOL[@BAR]} for the bar store.
 */
public final class BarSources {
    private static final List<Sample> SAMPLES = List.of(
        new Sample("aapl-2013", "AAPL", "aapl-2013.csv", null, "Apple daily bars, 2013 (252 bars)"),
        new Sample("eth-5m-2023", "ETH-USD", "eth-5m-2023.json", null,
            "ETH/USD 5-minute bars, 2023-03-13..15 (580 bars)"),
        new Sample("btc-ticks-2013", "BTC-USD", "btc-ticks-2013.csv", Duration.ofMinutes(5),
            "Bitstamp BTC/USD trades, 2013-11-25..12-01 (100,000 ticks; 5m bars unless --bar is given)"));

    private BarSources() {}

    /** The shipped data sets. */
    public static List<Sample> samples() { return SAMPLES; }

    public static Bars load(String spec, Duration barOrNull) { return load(spec, barOrNull, null); }

    /**
     * Loads bars.
     *
     * @param barOrNull    bar size: required for tick files, optional for {@code sample:btc-ticks-2013} (default 5m)
     *                     and {@code db:} sources (where it may also be written {@code db:AAPL@1d}); must be null for
     *                     bar files
     * @param symbolOrNull instrument symbol for file sources; default: the file name stem upper-cased
     */
    public static Bars load(String spec, Duration barOrNull, String symbolOrNull) {
        return load(spec, barOrNull, symbolOrNull, null);
    }

    /**
     * As {@link #load(String, Duration, String)}, with the bar store for {@code db:} specs given explicitly
     * ({@code --db}: a path or {@code jdbc:} URL); null means {@code IBEX_DB}, else {@code ~/.ibex/ibex}.
     */
    public static Bars load(String spec, Duration barOrNull, String symbolOrNull, String dbOrNull) {
        if (spec == null || spec.isBlank())
            throw new DataException("no data source given: use a file path, sample:NAME or db:SYMBOL[@BAR]");
        if (spec.startsWith("sample:")) return sample(spec.substring("sample:".length()), barOrNull);
        if (spec.startsWith("db:")) return DbSource.load(spec, barOrNull, dbOrNull);
        Path file = Path.of(spec);
        String symbol = symbolOrNull != null ? symbolOrNull : BarFiles.symbolOf(file);
        return BarFiles.read(file, Instrument.of(symbol), barOrNull);
    }

    private static Bars sample(String name, Duration barOrNull) {
        Sample sample = SAMPLES.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow(() ->
            new DataException("unknown sample '" + name + "'; known samples: "
                + SAMPLES.stream().map(Sample::spec).collect(Collectors.joining(", "))));
        Duration bar = barOrNull == null ? sample.defaultBar() : barOrNull;
        String path = "samples/" + sample.resource();
        try (InputStream in = BarSources.class.getResourceAsStream(path)) {
            if (in == null) throw new DataException("sample " + name + " is missing from the JAR (" + path + ")");
            return BarFiles.read(in, sample.spec(), sample.resource(), Instrument.of(sample.symbol()), sample.spec(),
                bar, BadRows.failFast());
        } catch (IOException e) {
            throw new DataException("cannot read sample " + name + ": " + e.getMessage(), e);
        }
    }
}
