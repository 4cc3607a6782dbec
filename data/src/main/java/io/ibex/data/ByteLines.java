package io.ibex.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads a UTF-8 byte stream line by line into one reusable buffer, so the hot path makes no {@code String} per line.
 * As {@link java.io.BufferedReader#readLine()}: a line ends at {@code \n}, {@code \r} or {@code \r\n}; blank lines are skipped; the
 * first line loses a byte order mark; numbers are 1-based file lines. A line longer than {@link #MAX_CHARS}
 * characters is skipped with only its length and first characters kept ({@link #tooLong()}, {@link #text()}).
 */
final class ByteLines {
    /** Longer rows are rejected with their line number (reliability.md F32: a 1 MB line is an error, not data). */
    static final int MAX_CHARS = 64 * 1024;
    /** Any line of at most MAX_CHARS characters fits: a UTF-16 char takes at most 3 UTF-8 bytes. */
    static final int CAPACITY = 3 * MAX_CHARS + 1024;
    private static final int EXCERPT_BYTES = 4 * 200;

    private final InputStream in;
    private final byte[] buf = new byte[CAPACITY];
    private int pos, limit;
    private boolean eof;
    private long number;
    private int start, end;
    private long longChars = -1;
    private String longExcerpt;
    /** The last line ended with {@code \r}: a {@code \n} right after it belongs to the same terminator. */
    private boolean afterCr;

    ByteLines(InputStream in) { this.in = in; }

    /** Moves to the next non-blank line; false at the end of the stream. */
    boolean next() throws IOException {
        while (true) {
            if (!read()) return false;
            if (number == 1 && end - start >= 3 && buf[start] == (byte) 0xEF && buf[start + 1] == (byte) 0xBB
                && buf[start + 2] == (byte) 0xBF) start += 3;
            if (longChars >= 0 || !blank()) return true;
        }
    }

    byte[] buf() { return buf; }
    int start() { return start; }
    int end() { return end; }
    long number() { return number; }

    /** The reason the current line is refused for its length, or null. */
    String tooLong() {
        long chars = longChars >= 0 ? longChars : end - start > MAX_CHARS ? chars(start, end) : 0;
        return chars > MAX_CHARS ? "line is " + chars + " characters long, more than " + MAX_CHARS : null;
    }

    /** The current line as text, for messages and the rejected-rows file (a long line: its start, see excerpt). */
    String text() {
        if (longExcerpt != null) return longExcerpt;
        String s = new String(buf, start, end - start, StandardCharsets.UTF_8);
        return tooLong() != null ? excerpt(s) : s;
    }

    /** The start of a long line, for messages and the rejected-rows file. */
    private static String excerpt(String line) {
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }

    private boolean blank() {
        for (int i = start; i < end; i++) {
            byte b = buf[i];
            if (!(b == ' ' || b == '\t' || b == '\r' || b == 0x0B || b == '\f' || b >= 0x1C && b <= 0x1F)) return false;
        }
        return true;
    }

    /** Reads the next physical line into [start, end); false at the end of the stream. */
    private boolean read() throws IOException {
        longChars = -1;
        longExcerpt = null;
        if (afterCr) {
            afterCr = false;
            if (pos == limit && !eof) fill();
            if (pos < limit && buf[pos] == '\n') pos++;
        }
        int i = pos;
        while (true) {
            for (; i < limit; i++) {
                byte b = buf[i];
                if (b == '\n' || b == '\r') {
                    start = pos;
                    end = i;
                    number++;
                    pos = i + 1;
                    afterCr = b == '\r';
                    return true;
                }
            }
            if (eof) {
                if (pos == limit) return false;
                start = pos;
                end = limit;
                number++;
                pos = limit;
                return true;
            }
            if (pos == 0 && limit == buf.length) {
                skipLongLine();
                return true;
            }
            i -= pos;
            fill();
        }
    }

    /** The buffer holds the start of a line with no end in sight: keep an excerpt, count its characters, drop it. */
    private void skipLongLine() throws IOException {
        number++;
        longExcerpt = excerpt(new String(buf, 0, EXCERPT_BYTES, StandardCharsets.UTF_8));
        long chars = 0;
        while (true) {
            for (int i = pos; i < limit; i++) {
                byte b = buf[i];
                if (b == '\n' || b == '\r') {
                    longChars = chars + chars(pos, i);
                    pos = i + 1;
                    afterCr = b == '\r';
                    start = end = 0;
                    return;
                }
            }
            chars += chars(pos, limit);
            pos = limit = 0;
            if (eof) {
                longChars = chars;
                start = end = 0;
                return;
            }
            fill();
        }
    }

    /** UTF-16 characters in buf[from, to): every byte that does not continue a sequence, twice for 4-byte ones. */
    private long chars(int from, int to) {
        long n = 0;
        for (int i = from; i < to; i++) {
            int b = buf[i] & 0xFF;
            if ((b & 0xC0) != 0x80) n += b >= 0xF0 ? 2 : 1;
        }
        return n;
    }

    /** Moves unread bytes to the front and reads more after them. */
    private void fill() throws IOException {
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            limit -= pos;
            pos = 0;
        }
        int n = in.read(buf, limit, buf.length - limit);
        if (n < 0) eof = true;
        else limit += n;
    }
}
