package io.ibex.sim;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/** Every request and response, in arrival order (§5.5). Thread-safe. */
public final class Journal {
    private final List<JournalEntry> entries = new ArrayList<>();
    private final List<Consumer<JournalEntry>> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    Journal() {}

    synchronized long nextSeq() { return entries.size() + 1L; }

    void add(JournalEntry e) {
        synchronized (this) { entries.add(e); }
        for (Consumer<JournalEntry> l : listeners) l.accept(e);
    }

    /** Called after each answered request (the CLI prints one line per request with it). */
    public void onEntry(Consumer<JournalEntry> listener) { listeners.add(Objects.requireNonNull(listener, "listener")); }

    public synchronized List<JournalEntry> entries() { return List.copyOf(entries); }

    public synchronized List<JournalEntry> since(long seq) {
        return entries.stream().filter(e -> e.seq() > seq).toList();
    }

    public synchronized List<JournalEntry> matching(Route route) {
        return entries.stream().filter(e -> route.matches(e.method(), e.path())).toList();
    }

    public int count(Route route) { return matching(route).size(); }

    public JournalEntry last(Route route) {
        List<JournalEntry> m = matching(route);
        if (m.isEmpty()) throw new IllegalStateException("no request matched " + route + " (journal has " + entries().size() + " entries)");
        return m.get(m.size() - 1);
    }

    public int countStatus(int status) {
        return (int) entries().stream().filter(e -> e.status() == status).count();
    }

    /** Order POSTs whose body carries this cOID (as {@code "cOID":"<c>"}). */
    public List<JournalEntry> orderPostsWithCoid(String coid) {
        String needle = "\"cOID\":" + Json.quote(coid);
        return matching(Route.post("/iserver/account/*/orders")).stream()
            .filter(e -> e.body() != null && e.body().replace(" ", "").contains(needle)).toList();
    }

    /** Fails naming the first request whose simulated time falls in [from, to). */
    public void assertNoRequestsDuring(Instant from, Instant to) {
        for (JournalEntry e : entries())
            if (e.simTimeMillis() >= from.toEpochMilli() && e.simTimeMillis() < to.toEpochMilli()
                && e.path().startsWith("/") && !e.path().startsWith("/__sim"))
                throw new AssertionError("request " + e.method() + " " + e.path() + " at " + Instant.ofEpochMilli(e.simTimeMillis())
                    + " falls in the quiet window [" + from + ", " + to + ")");
    }

    /** The headers the request journal keeps. */
    static java.util.Map<String, String> selectedHeaders(SimRequest r) {
        java.util.Map<String, String> h = new java.util.TreeMap<>();
        for (String k : java.util.List.of("User-Agent", "Content-Length", "Content-Type", "Cookie", "Transfer-Encoding"))
            if (r.header(k) != null) h.put(k, r.header(k));
        return h;
    }
}
