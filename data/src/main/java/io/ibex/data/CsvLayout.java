package io.ibex.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Splitting of delimited lines: delimiter detection, trimming, and removal of surrounding double quotes. */
final class CsvLayout {
    private CsvLayout() {}

    /** The most frequent of {@code ,} {@code ;} and tab in the first line; comma when none occurs. */
    static char detectDelimiter(String firstLine) {
        int comma = 0, semi = 0, tab = 0;
        for (int i = 0; i < firstLine.length(); i++) {
            switch (firstLine.charAt(i)) {
                case ',' -> comma++;
                case ';' -> semi++;
                case '\t' -> tab++;
                default -> { }
            }
        }
        if (tab > comma && tab >= semi) return '\t';
        if (semi > comma) return ';';
        return ',';
    }

    /** Splits into trimmed cells, unquoting {@code "..."}; quoted delimiters are not supported (no data file needs them). */
    static List<String> split(String line, char delimiter) {
        List<String> cells = new ArrayList<>(8);
        int start = 0;
        for (int i = 0; i <= line.length(); i++) {
            if (i == line.length() || line.charAt(i) == delimiter) {
                cells.add(unquote(line.substring(start, i).trim()));
                start = i + 1;
            }
        }
        return cells;
    }

    /**
     * {@link #split(String, char)} on bytes, without copying: cell {@code k} is {@code b[from[k], to[k])}, trimmed and
     * unquoted. Returns the number of cells; only the first {@code from.length} are recorded.
     */
    static int split(byte[] b, int start, int end, byte delimiter, int[] from, int[] to) {
        int cells = 0, cell = start;
        for (int i = start; i <= end; i++) {
            if (i == end || b[i] == delimiter) {
                if (cells < from.length) cell(b, cell, i, cells, from, to);
                cells++;
                cell = i + 1;
            }
        }
        return cells;
    }

    private static void cell(byte[] b, int s, int e, int k, int[] from, int[] to) {
        while (s < e && isSpace(b[s])) s++;
        while (e > s && isSpace(b[e - 1])) e--;
        if (e - s >= 2 && b[s] == '"' && b[e - 1] == '"') {
            s++;
            e--;
            while (s < e && isSpace(b[s])) s++;
            while (e > s && isSpace(b[e - 1])) e--;
        }
        from[k] = s;
        to[k] = e;
    }

    /** What {@link String#trim()} removes: ASCII control characters and space (bytes of other characters are negative). */
    private static boolean isSpace(byte c) { return c >= 0 && c <= ' '; }

    static String unquote(String s) {
        return s.length() >= 2 && s.charAt(0) == '"' && s.charAt(s.length() - 1) == '"' ? s.substring(1, s.length() - 1).trim() : s;
    }

    /** Header name normalised for matching: lower case, letters and digits only ({@code "Open Price"} -> {@code openprice}). */
    static String normalise(String header) {
        StringBuilder b = new StringBuilder(header.length());
        for (char c : header.toLowerCase(Locale.ROOT).toCharArray()) if (Character.isLetterOrDigit(c)) b.append(c);
        return b.toString();
    }
}
