package io.ibex.data;

/**
 * The row rules every reader applies, in one place: positive prices, low <= open/close <= high, volume >= 0, and
 * strictly increasing times. Keeps the previous accepted row's time and line to name it in messages.
 */
final class BarChecker {
    private long lastTime = Long.MIN_VALUE;
    private long lastLine;

    /** The reason the bar is invalid, or {@code null} when it is fine. Does not advance. */
    String problem(long time, double o, double h, double l, double c, double v) {
        if (!(o > 0)) return "open " + o + " is not a positive price";
        if (!(h > 0)) return "high " + h + " is not a positive price";
        if (!(l > 0)) return "low " + l + " is not a positive price";
        if (!(c > 0)) return "close " + c + " is not a positive price";
        if (h < l) return "high " + h + " < low " + l;
        if (o < l || o > h) return "open " + o + " is outside low..high " + l + ".." + h;
        if (c < l || c > h) return "close " + c + " is outside low..high " + l + ".." + h;
        if (v < 0) return "volume " + v + " is negative";
        return timeProblem(time);
    }

    /** The reason {@code time} cannot follow the previous accepted row, or {@code null}. */
    String timeProblem(long time) {
        if (time == lastTime)
            return "duplicate time " + Cells.instant(time) + " (line " + lastLine + " has the same time)";
        if (time < lastTime)
            return "time " + Cells.instant(time) + " goes backwards (line " + lastLine + " has "
                + Cells.instant(lastTime) + "; rows must be sorted by time)";
        return null;
    }

    /** Records an accepted row. */
    void accept(long time, long line) {
        lastTime = time;
        lastLine = line;
    }
}
