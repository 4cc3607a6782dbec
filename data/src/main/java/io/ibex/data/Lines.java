package io.ibex.data;

import java.io.BufferedReader;
import java.io.IOException;

/** Reads non-blank lines and keeps the 1-based file line number of the last one returned. */
final class Lines {
    private final BufferedReader in;
    private long number;

    Lines(BufferedReader in) { this.in = in; }

    /** The next non-blank line (BOM stripped from the first), or {@code null} at the end. */
    String next() throws IOException {
        String line;
        while ((line = in.readLine()) != null) {
            number++;
            if (number == 1) line = CsvLayout.stripBom(line);
            if (!line.isBlank()) return line;
        }
        return null;
    }

    long number() { return number; }
}
