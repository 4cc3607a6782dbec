package io.ibex.live.runner;

import io.ibex.framework.domain.DecimalText;
import io.ibex.framework.domain.Fill;
import io.ibex.framework.domain.Side;
import io.ibex.framework.files.FileModes;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;

/**
 * orders.csv and trades.csv of a live (or replayed) run in exactly the backtest's formats (DESIGN.md), so the two can
 * be compared line by line. Written to a temp file and moved into place: never half-written.
 */
public final class LiveReports {
    public static final String TRADES_HEADER = "entry_time,entry_price,exit_time,exit_price,side,quantity,pnl,commission";
    public static final String ORDERS_HEADER = "time,order_id,event,side,quantity,type,price,commission,note";
    private static final String SYMBOL_COLUMN = ",symbol";

    private LiveReports() {}

    public static void write(Path dir, List<OrderLogRow> orders, List<Fill> fills) throws IOException {
        write(dir, orders, fills, false);
    }

    /** @param withSymbol a portfolio run: both files gain a last {@code symbol} column, as the portfolio backtest's */
    public static void write(Path dir, List<OrderLogRow> orders, List<Fill> fills, boolean withSymbol) throws IOException {
        if (!Files.isDirectory(dir)) FileModes.createPrivateDirectories(dir);
        atomic(dir.resolve("orders.csv"), w -> orders(orders, w, withSymbol));
        atomic(dir.resolve("trades.csv"), w -> trades(fills, w, withSymbol));
    }

    private static void orders(List<OrderLogRow> rows, Writer w, boolean withSymbol) throws IOException {
        w.write(ORDERS_HEADER + (withSymbol ? SYMBOL_COLUMN : "") + "\n");
        for (OrderLogRow o : rows)
            w.write(iso(o.timeMillis()) + ',' + o.orderId() + ',' + o.event() + ',' + o.side() + ',' + plain(o.quantity())
                + ',' + o.type() + ',' + plain(o.price()) + ',' + plain(o.commission()) + ',' + quote(o.note())
                + (withSymbol ? "," + quote(o.instrument() == null ? "" : o.instrument().symbol()) : "") + '\n');
    }

    /**
     * Round trips flat-to-flat (one instrument at a time, in fill order); a flip closes one trip and opens the next. A
     * fill's commission goes whole to the trip it belongs to; only a flip splits it, pro rata.
     */
    private static void trades(List<Fill> fills, Writer w, boolean withSymbol) throws IOException {
        w.write(TRADES_HEADER + (withSymbol ? SYMBOL_COLUMN : "") + "\n");
        java.util.Map<String, Trip> open = new java.util.HashMap<>();
        for (Fill f : fills) {
            String sym = f.instrument().symbol();
            Trip t = open.get(sym);
            BigDecimal qty = f.quantity();
            BigDecimal perUnitFee = f.commission().divide(qty, MathContext.DECIMAL64);
            BigDecimal feeLeft = f.commission();
            while (qty.signum() > 0) {
                if (t == null) {
                    t = new Trip(f.side(), f.timeMillis());
                    open.put(sym, t);
                }
                if (f.side() == t.side) {
                    t.add(qty, f.price(), feeLeft);
                    qty = BigDecimal.ZERO;
                } else {
                    BigDecimal closing = qty.min(t.openQty());
                    BigDecimal fee = closing.compareTo(qty) == 0 ? feeLeft : perUnitFee.multiply(closing);
                    t.close(closing, f.price(), fee, f.timeMillis());
                    feeLeft = feeLeft.subtract(fee);
                    qty = qty.subtract(closing);
                    if (t.openQty().signum() == 0) {
                        t.write(w, withSymbol ? "," + quote(sym) : "");
                        open.remove(sym);
                        t = null;
                    }
                }
            }
        }
    }

    private static final class Trip {
        final Side side;
        final long entryTime;
        BigDecimal entryQty = BigDecimal.ZERO, entryCost = BigDecimal.ZERO, exitQty = BigDecimal.ZERO, exitCost = BigDecimal.ZERO,
            fees = BigDecimal.ZERO;
        long exitTime;

        Trip(Side side, long entryTime) { this.side = side; this.entryTime = entryTime; }

        BigDecimal openQty() { return entryQty.subtract(exitQty); }

        void add(BigDecimal q, BigDecimal px, BigDecimal fee) { entryQty = entryQty.add(q); entryCost = entryCost.add(q.multiply(px)); fees = fees.add(fee); }

        void close(BigDecimal q, BigDecimal px, BigDecimal fee, long t) {
            exitQty = exitQty.add(q); exitCost = exitCost.add(q.multiply(px)); fees = fees.add(fee); exitTime = t;
        }

        void write(Writer w, String lastColumn) throws IOException {
            BigDecimal gross = side == Side.BUY ? exitCost.subtract(entryCost) : entryCost.subtract(exitCost);
            w.write(iso(entryTime) + ',' + avg(entryCost, entryQty) + ',' + iso(exitTime) + ',' + avg(exitCost, exitQty) + ','
                + (side == Side.BUY ? "long" : "short") + ',' + plain(entryQty) + ','
                + plain(gross.subtract(fees)) + ',' + plain(fees) + lastColumn + '\n');
        }

        private static String avg(BigDecimal cost, BigDecimal qty) {
            return plain(cost.divide(qty, MathContext.DECIMAL64));
        }
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

    static String iso(long millis) { return Instant.ofEpochMilli(millis).toString(); }

    private static String plain(BigDecimal v) { return DecimalText.plain(v); }

    private static String quote(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0) return s;
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
