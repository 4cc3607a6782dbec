package io.ibex.cli.account;

import io.ibex.framework.error.ConfigException;
import io.ibex.gateway.FieldValue;
import io.ibex.gateway.GatewayClient;
import io.ibex.gateway.SnapshotFields;
import io.ibex.gateway.SnapshotRow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import io.ibex.gateway.stream.GatewayStream;
import io.ibex.gateway.stream.StreamListener;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

@Command(name = "quote", description = {"Market-data snapshot for symbols or conids. A missing value prints '-', never 0.",
    "With --stream: live updates over the gateway's WebSocket, one line per change, until Ctrl-C."})
public final class QuoteCommand extends GatewayClientCommand {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);
    static final List<Integer> DEFAULT_FIELDS = List.of(31, 84, 86, 88, 85, 87, 55, 6509);

    @Parameters(arity = "1..*", paramLabel = "SYMBOL|CONID", description = "One or more stock symbols or contract ids.") List<String> instruments;

    @Option(names = "--fields", split = ",", paramLabel = "F", description = "Snapshot field ids, e.g. 31,84,86 (default: last, bid, ask, sizes, volume).")
    List<String> fields;

    @Option(names = "--stream", description = "Stream live updates over the gateway's WebSocket (smd) until Ctrl-C; connection news go to stderr.")
    boolean stream;

    @Option(names = "--max-updates", paramLabel = "N", description = "With --stream: stop after N updates (default: never).")
    int maxUpdates;

    @Override
    int run(GatewaySession session, PrintWriter out, PrintWriter err) {
        GatewayClient c = session.client();
        List<Integer> wanted = parseFields();
        c.brokerageAccounts(); // IBKR: /iserver/accounts before the first snapshot
        List<Long> conids = new ArrayList<>();
        Map<Long, String> names = new LinkedHashMap<>();
        for (String s : instruments) {
            long conid = c.resolveConid(s);
            conids.add(conid);
            names.putIfAbsent(conid, s.matches("\\d+") ? "" : s.toUpperCase(java.util.Locale.ROOT));
        }
        if (stream) return stream(session, conids, names, wanted, out, err);
        List<SnapshotRow> rows = c.snapshot(conids, wanted);
        if (options.json) {
            List<Map<String, Object>> json = new ArrayList<>();
            for (SnapshotRow r : rows) json.add(json(r, names, wanted));
            Output.json(out, json);
            return 0;
        }
        List<Integer> numeric = wanted.stream().filter(f -> !SnapshotFields.isText(f)).toList();
        List<String> header = new ArrayList<>(List.of("SYMBOL", "CONID"));
        for (int f : numeric) header.add(label(f));
        header.add("FLAGS");
        Table t = new Table(header.toArray(String[]::new));
        for (SnapshotRow r : rows) t.row(cells(r, names, numeric).toArray());
        t.print(out);
        return 0;
    }

    /** One line per merged update (a JSON object per line with --json) until Ctrl-C or --max-updates. */
    private int stream(GatewaySession session, List<Long> conids, Map<Long, String> names, List<Integer> wanted,
                       PrintWriter out, PrintWriter err) {
        if (maxUpdates < 0) throw new ConfigException("--max-updates must be 0 (never stop) or more, was " + maxUpdates);
        List<Integer> numeric = wanted.stream().filter(f -> !SnapshotFields.isText(f)).toList();
        CountDownLatch done = new CountDownLatch(1);
        AtomicInteger updates = new AtomicInteger();
        StreamListener printer = new StreamListener() {
            @Override public void onQuote(SnapshotRow r) {
                synchronized (out) {
                    if (done.getCount() == 0) return;
                    if (options.json) Output.jsonLine(out, json(r, names, wanted));
                    else out.println(streamLine(r, names, numeric));
                    out.flush();
                }
                if (maxUpdates > 0 && updates.incrementAndGet() >= maxUpdates) done.countDown();
            }

            @Override public void onStatus(String status) {
                synchronized (err) {
                    err.println(status);
                    err.flush();
                }
            }
        };
        try (GatewayStream s = session.stream(clock::now, printer)) {
            for (long conid : conids) s.subscribe(conid, wanted);
            s.maintain();
            while (!done.await(1, TimeUnit.SECONDS)) s.maintain();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private String streamLine(SnapshotRow r, Map<Long, String> names, List<Integer> numeric) {
        StringBuilder b = new StringBuilder();
        r.updatedMillis().ifPresent(u -> b.append(TIME.format(Instant.ofEpochMilli(u))).append("  "));
        b.append(r.text(SnapshotFields.SYMBOL).orElse(names.get(r.conid()))).append(' ').append(r.conid());
        for (int f : numeric) b.append("  ").append(label(f)).append(' ').append(r.field(f).map(QuoteCommand::display).orElse("-"));
        List<String> flags = flags(r);
        if (!flags.isEmpty()) b.append("  ").append(String.join(",", flags));
        return b.toString();
    }

    private static List<Object> cells(SnapshotRow r, Map<Long, String> names, List<Integer> numeric) {
        List<Object> cells = new ArrayList<>();
        cells.add(r.text(SnapshotFields.SYMBOL).orElse(names.get(r.conid())));
        cells.add(r.conid());
        for (int f : numeric) cells.add(r.field(f).map(QuoteCommand::display).orElse("-"));
        cells.add(String.join(",", flags(r)));
        return cells;
    }

    private static Map<String, Object> json(SnapshotRow r, Map<Long, String> names, List<Integer> wanted) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("conid", r.conid());
        m.put("symbol", r.text(SnapshotFields.SYMBOL).orElse(names.get(r.conid())));
        Map<String, Object> values = new LinkedHashMap<>();
        for (int f : wanted) {
            r.field(f).ifPresent(v -> values.put(Integer.toString(f), jsonValue(v)));
            r.text(f).ifPresent(v -> values.put(Integer.toString(f), v));
        }
        m.put("fields", values);
        m.put("flags", flags(r));
        r.updatedMillis().ifPresent(u -> m.put("updated_ms", u));
        return m;
    }

    private List<Integer> parseFields() {
        if (fields == null || fields.isEmpty()) return DEFAULT_FIELDS;
        List<Integer> out = new ArrayList<>();
        for (String f : fields) {
            String s = f.trim();
            if (!s.matches("\\d{1,5}")) throw new ConfigException("--fields: '" + s + "' is not a field id; use numbers like 31,84,86");
            out.add(Integer.parseInt(s));
        }
        if (out.size() > 50) throw new ConfigException("--fields: at most 50 fields per snapshot, got " + out.size());
        return out;
    }

    static String label(int field) {
        return switch (field) {
            case SnapshotFields.LAST -> "LAST";
            case SnapshotFields.BID -> "BID";
            case SnapshotFields.ASK -> "ASK";
            case SnapshotFields.BID_SIZE -> "BID_SZ";
            case SnapshotFields.ASK_SIZE -> "ASK_SZ";
            case SnapshotFields.VOLUME -> "VOLUME";
            case SnapshotFields.LAST_SIZE -> "LAST_SZ";
            case SnapshotFields.CHANGE -> "CHANGE";
            case SnapshotFields.CHANGE_PCT -> "CHANGE_%";
            default -> "F" + field;
        };
    }

    static String display(FieldValue v) {
        return switch (v) {
            case FieldValue.Live l -> Output.num(l.value());
            case FieldValue.PriorClose p -> Output.num(p.value()) + "(C)";
            case FieldValue.Halted h -> h.number().isPresent() ? Output.num(h.number().getAsDouble()) + "(H)" : "halted";
        };
    }

    private static Object jsonValue(FieldValue v) {
        Map<String, Object> m = new LinkedHashMap<>();
        v.number().ifPresent(n -> m.put("value", n));
        m.put("flag", switch (v) {
            case FieldValue.Live l -> "live";
            case FieldValue.PriorClose p -> "prior_close";
            case FieldValue.Halted h -> "halted";
        });
        return m;
    }

    static List<String> flags(SnapshotRow r) {
        List<String> flags = new ArrayList<>();
        if (r.isPreflight()) flags.add("no-data");
        r.field(SnapshotFields.LAST).ifPresent(v -> {
            if (v instanceof FieldValue.PriorClose) flags.add("prior-close");
            if (v instanceof FieldValue.Halted) flags.add("halted");
        });
        r.text(SnapshotFields.AVAILABILITY).filter(a -> !a.isEmpty()).ifPresent(a -> {
            switch (a.charAt(0)) {
                case 'D' -> flags.add("delayed");
                case 'Z', 'Y' -> flags.add("frozen");
                case 'N' -> flags.add("not-subscribed");
                case 'O' -> flags.add("no-api-agreement");
                default -> { }
            }
        });
        return flags;
    }
}
