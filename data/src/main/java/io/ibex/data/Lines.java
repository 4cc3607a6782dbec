package io.ibex.data;

import java.io.BufferedReader;
import java.io.IOException;

/** Reads non-blank lines and keeps the 1-based file line number of the last one returned. */
final class Lines {
    /** Longer rows are rejected with their line number (reliability.md F32: a 1 MB line is an error, not data). */
    static final int MAX_CHARS = 64 * 1024;

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

    /** The reason a line is refused for its length, or null. */
    static String tooLong(String line) {
        return line.length() > MAX_CHARS ? "line is " + line.length() + " characters long, more than " + MAX_CHARS : null;
    }

    /** The start of a long line, for messages and the rejected-rows file. */
    static String excerpt(String line) {
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }
}
