package io.ibex.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.Locale;

/** The three file formats ibex reads. */
public enum BarFormat {
    /** OHLCV rows, see {@link CsvBarReader}. */
    BAR_CSV,
    /** ta4j bar-series JSON, see {@link JsonBarReader}. */
    BAR_JSON,
    /** trades {@code timestamp,price,amount} aggregated to bars, see {@link TickCsvReader}. */
    TICK_CSV;

    /**
     * Detects the format from the file name and its first non-blank line: {@code .json} or a leading brace is JSON; a
     * CSV header with a price column and no open column (or three header-less columns) is ticks; anything else bars.
     * The reader is marked and reset, so it can be read from the start afterwards.
     */
    static BarFormat detect(String fileName, BufferedReader in) throws IOException {
        if (fileName.toLowerCase(Locale.ROOT).endsWith(".json")) return BAR_JSON;
        in.mark(64 * 1024);
        try {
            Lines lines = new Lines(in);
            String first = lines.next();
            if (first == null) return BAR_CSV;
            if (first.stripLeading().startsWith("{")) return BAR_JSON;
            var cells = CsvLayout.split(first, CsvLayout.detectDelimiter(first));
            Header header = new Header(cells);
            if (header.looksLikeHeader()) return header.isTicks() ? TICK_CSV : BAR_CSV;
            return cells.size() == 3 ? TICK_CSV : BAR_CSV;
        } finally {
            in.reset();
        }
    }
}
