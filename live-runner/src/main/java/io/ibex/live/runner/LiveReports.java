package io.ibex.live.runner;

import io.ibex.execution.RunCsv;
import io.ibex.execution.Trade;
import io.ibex.framework.domain.Fill;
import io.ibex.framework.files.FileModes;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * orders.csv and trades.csv of a live (or replayed) run, written by the backtest's own writer and accounting
 * ({@link RunCsv}: rows, and round trips through the same {@link io.ibex.execution.Ledger}), so the two compare line
 * by line. Written to a temp file and moved into place: never half-written.
 */
public final class LiveReports {
    public static final String TRADES_HEADER = RunCsv.TRADES_HEADER;
    public static final String ORDERS_HEADER = RunCsv.ORDERS_HEADER;

    private LiveReports() {}

    public static void write(Path dir, List<OrderLogRow> orders, List<Fill> fills) throws IOException {
        write(dir, orders, fills, false);
    }

    /** @param withSymbol a portfolio run: both files gain a last {@code symbol} column, as the portfolio backtest's */
    public static void write(Path dir, List<OrderLogRow> orders, List<Fill> fills, boolean withSymbol) throws IOException {
        if (!Files.isDirectory(dir)) FileModes.createPrivateDirectories(dir);
        atomic(dir.resolve("orders.csv"), w -> {
            w.write(RunCsv.ordersHeader(withSymbol) + "\n");
            StringBuilder b = new StringBuilder(256);
            for (OrderLogRow o : orders) {
                b.setLength(0);
                RunCsv.order(b, o.timeMillis(), o.orderId(), o.event(), o.side(), o.quantity(), o.type(), o.price(),
                    o.commission(), o.note(), o.instrument(), withSymbol);
                w.append(b).append('\n');
            }
        });
        atomic(dir.resolve("trades.csv"), w -> {
            w.write(RunCsv.tradesHeader(withSymbol) + "\n");
            StringBuilder b = new StringBuilder(256);
            for (Trade t : RunCsv.roundTrips(fills)) {
                b.setLength(0);
                w.append(RunCsv.trade(b, t, withSymbol)).append('\n');
            }
        });
    }

    private interface Body { void write(Writer w) throws IOException; }

    private static void atomic(Path target, Body body) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        FileModes.createPrivateFile(tmp);               // account data: private before the first byte (docs/reliability.md)
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            body.write(w);
        }
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
