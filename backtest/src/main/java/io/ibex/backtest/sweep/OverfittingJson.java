package io.ibex.backtest.sweep;

import java.util.Map;

/** {@code overfitting.json}: the {@link Overfitting} numbers; undefined values are {@code null}. */
final class OverfittingJson {
    private OverfittingJson() {}

    static String render(Overfitting o, RankBy rankBy) {
        StringBuilder b = new StringBuilder("{\n");
        b.append("  \"trials\": ").append(o.trials()).append(",\n");
        b.append("  \"periods\": ").append(o.periods()).append(",\n");
        b.append("  \"bars_per_period\": ").append(o.barsPerPeriod()).append(",\n");
        b.append("  \"cscv_partitions\": ").append(o.partitions()).append(",\n");
        b.append("  \"pbo\": ").append(number(o.pbo())).append(",\n");
        b.append("  \"rank_by\": ").append(string(rankBy.column())).append(",\n");
        b.append("  \"best_grid_index\": ").append(o.best()).append(",\n");
        b.append("  \"best_params\": {");
        String sep = "";
        for (Map.Entry<String, String> e : o.bestParams().entrySet()) {
            b.append(sep).append(string(e.getKey())).append(": ").append(e.getValue());
            sep = ", ";
        }
        b.append("},\n");
        b.append("  \"best_sharpe_per_period\": ").append(number(o.bestSharpe())).append(",\n");
        b.append("  \"trial_sharpe_variance\": ").append(number(o.trialSharpeVariance())).append(",\n");
        b.append("  \"deflated_sharpe\": ").append(number(o.deflatedSharpe())).append(",\n");
        b.append("  \"notes\": [");
        sep = "";
        for (String n : o.notes()) {
            b.append(sep).append(string(n));
            sep = ", ";
        }
        return b.append("]\n}\n").toString();
    }

    static String number(double v) { return Double.isFinite(v) ? Double.toString(v) : "null"; }

    static String string(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') b.append('\\').append(c);
            else if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
            else b.append(c);
        }
        return b.append('"').toString();
    }
}
