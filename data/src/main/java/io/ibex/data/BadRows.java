package io.ibex.data;

import io.ibex.framework.error.DataException;

import java.util.ArrayList;
import java.util.List;

/**
 * What a reader does with an invalid row: fail the whole read on the first one (the backtest path, and imports by
 * default) or set it aside and carry on ({@code --skip-bad}).
 */
public final class BadRows {
    private final boolean failFast;
    private final List<RejectedRow> rejected = new ArrayList<>();

    private BadRows(boolean failFast) { this.failFast = failFast; }

    public static BadRows failFast() { return new BadRows(true); }
    public static BadRows collect() { return new BadRows(false); }

    /** Throws {@code DataException("label:line: reason")} when failing fast, otherwise records the row. */
    void reject(String label, long line, String text, String reason) {
        if (failFast) throw new DataException(label + ":" + line + ": " + reason);
        rejected.add(new RejectedRow(line, text, reason));
    }

    public List<RejectedRow> rejected() { return List.copyOf(rejected); }
}
