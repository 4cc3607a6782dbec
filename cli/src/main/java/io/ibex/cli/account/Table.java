package io.ibex.cli.account;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A plain aligned text table: text columns left-aligned, numeric-looking columns right-aligned. */
final class Table {
    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    Table(String... header) { this.header = List.of(header); }

    Table row(Object... cells) {
        List<String> r = new ArrayList<>();
        for (Object c : cells) r.add(c == null ? "-" : c.toString());
        rows.add(r);
        return this;
    }

    boolean isEmpty() { return rows.isEmpty(); }

    void print(PrintWriter out) {
        int n = header.size();
        int[] width = new int[n];
        boolean[] numeric = new boolean[n];
        Arrays.fill(numeric, true);
        for (int i = 0; i < n; i++) width[i] = header.get(i).length();
        for (List<String> r : rows)
            for (int i = 0; i < n; i++) {
                String c = i < r.size() ? r.get(i) : "";
                width[i] = Math.max(width[i], c.length());
                if (!c.equals("-") && !c.matches("[-+]?[0-9.,]+%?")) numeric[i] = false;
            }
        line(out, header, width, new boolean[n]);
        for (List<String> r : rows) line(out, r, width, numeric);
        out.flush();
    }

    private static void line(PrintWriter out, List<String> cells, int[] width, boolean[] right) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < width.length; i++) {
            String c = i < cells.size() ? cells.get(i) : "";
            String pad = " ".repeat(width[i] - c.length());
            if (i > 0) s.append("  ");
            s.append(right[i] ? pad + c : (i == width.length - 1 ? c : c + pad));
        }
        out.println(s.toString().stripTrailing());
    }
}
