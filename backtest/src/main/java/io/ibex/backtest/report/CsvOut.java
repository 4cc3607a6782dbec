package io.ibex.backtest.report;

import java.io.IOException;
import java.io.Writer;

/** Rows built in one reusable builder and handed to the writer in 32 K chunks: no String per row. */
final class CsvOut {
    private static final int CHUNK = 32 * 1024;
    private final Writer w;
    private final StringBuilder b = new StringBuilder(CHUNK + 1024);
    private final char[] chars = new char[CHUNK + 1024];

    CsvOut(Writer w) { this.w = w; }

    /** The row being built. */
    StringBuilder row() { return b; }

    /** Ends the row with a newline; writes the chunk when it is full. */
    void endRow() throws IOException {
        b.append('\n');
        if (b.length() >= CHUNK) flush();
    }

    void flush() throws IOException {
        int n = b.length();
        char[] c = n <= chars.length ? chars : new char[n];
        b.getChars(0, n, c, 0);
        w.write(c, 0, n);
        b.setLength(0);
    }
}
