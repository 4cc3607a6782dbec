package io.ibex.data;

import java.io.BufferedInputStream;
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
     * The stream is marked and reset, so it can be read from the start afterwards.
     */
    static BarFormat detect(String fileName, BufferedInputStream in) throws IOException {
        if (fileName.toLowerCase(Locale.ROOT).endsWith(".json")) return BAR_JSON;
        in.mark(ByteLines.CAPACITY + 1);
        try {
            ByteLines lines = new ByteLines(in);
            if (!lines.next()) return BAR_CSV;
            String first = lines.text();
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
