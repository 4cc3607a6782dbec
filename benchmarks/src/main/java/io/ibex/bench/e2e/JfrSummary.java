package io.ibex.bench.e2e;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Summarises {@code jfr print --events jdk.ExecutionSample}: for each sample the top frame (where the CPU was) and
 * the first {@code io.ibex} frame on the stack (which of our code asked for it), as shares of all samples.
 */
final class JfrSummary {
    private JfrSummary() {}

    static String of(List<String> printed, int top) {
        Map<String, Integer> self = new HashMap<>(), ours = new HashMap<>();
        int samples = 0;
        boolean inStack = false, first = false, sawOurs = false;
        for (String raw : printed) {
            String line = raw.strip();
            if (line.startsWith("jdk.ExecutionSample")) {
                samples++;
                inStack = false;
            } else if (line.startsWith("stackTrace = [")) {
                inStack = true;
                first = true;
                sawOurs = false;
            } else if (inStack && line.startsWith("]")) {
                inStack = false;
            } else if (inStack && !line.isEmpty() && !line.equals("...")) {
                String frame = frame(line);
                if (first) self.merge(frame, 1, Integer::sum);
                if (!sawOurs && frame.startsWith("io.ibex.")) {
                    ours.merge(frame, 1, Integer::sum);
                    sawOurs = true;
                }
                first = false;
            }
        }
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%nJFR, ibex backtest: %d execution samples%n", samples));
        b.append("top frames (self):\n");
        append(b, self, samples, top);
        b.append("first io.ibex frame on the stack:\n");
        append(b, ours, samples, top);
        return b.toString();
    }

    /** {@code java.lang.String.format(String, Object[]) line: 4 bci: 12} -> {@code java.lang.String.format}. */
    private static String frame(String line) {
        int paren = line.indexOf('(');
        return paren > 0 ? line.substring(0, paren) : line;
    }

    private static void append(StringBuilder b, Map<String, Integer> counts, int samples, int top) {
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top).forEach(e ->
            b.append(String.format(Locale.ROOT, "  %5.1f%%  %s%n", 100.0 * e.getValue() / Math.max(1, samples), e.getKey())));
    }
}
