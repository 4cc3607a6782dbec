package io.ibex.live.testing;

import io.ibex.framework.domain.Instrument;
import io.ibex.framework.domain.OrderRequest;
import io.ibex.framework.domain.Position;
import io.ibex.framework.domain.Side;
import io.ibex.framework.event.OrderStatus;
import io.ibex.live.runner.BrokerExecution;
import io.ibex.live.runner.BrokerOrder;
import io.ibex.live.runner.OrderGateway;
import io.ibex.live.runner.SubmitOutcome;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A broker order book with the gateway's order semantics and the simulator's order faults (acceptThenTimeout,
 * failThenTimeout, late visibility, reject), used until the HTTPS simulator lands; the router sees it only through
 * {@link OrderGateway}. Optionally persists every accepted order and execution to a file (appended and forced before
 * the call returns), so the kill -9 torture's broker outlives the runner process. Not a mock: it keeps real state
 * and the checker compares it with the journal.
 */
public final class VenueModel implements OrderGateway {
    public enum Fault { NONE, ACCEPT_THEN_TIMEOUT, FAIL_THEN_TIMEOUT, REJECT, THROW_AFTER_ACCEPT }

    private final Map<String, BrokerOrder> byRef = new LinkedHashMap<>();
    private final List<BrokerOrder> foreign = new ArrayList<>();
    private final List<BrokerExecution> executions = new ArrayList<>();
    private final Map<String, BigDecimal> extraPositions = new HashMap<>();
    private final Map<String, Integer> posts = new HashMap<>();
    private final Deque<Fault> faults = new ArrayDeque<>();
    private final Path file;
    private int hiddenProbes;
    private int nextId = 1000;
    private boolean down;

    public VenueModel() { this(null); }

    /** @param file null: memory only; else state is loaded from and appended to it */
    public VenueModel(Path file) {
        this.file = file;
        if (file != null && Files.exists(file)) load();
    }

    public synchronized void nextSubmit(Fault f) { faults.add(f); }

    /** The next {@code n} lookups do not see orders yet (an ack slower than the client timeout, F14). */
    public synchronized void hideFromLookups(int n) { hiddenProbes = n; }

    public synchronized void setDown(boolean down) { this.down = down; }

    public synchronized int postsFor(String coid) { return posts.getOrDefault(coid, 0); }

    public synchronized List<BrokerOrder> ourOrders() { return List.copyOf(byRef.values()); }

    public synchronized List<BrokerExecution> allExecutions() { return List.copyOf(executions); }

    @Override public synchronized SubmitOutcome submit(OrderRequest r) {
        if (down) return new SubmitOutcome.Ambiguous("connection refused");
        String ref = r.id().value();
        posts.merge(ref, 1, Integer::sum);
        Fault f = faults.isEmpty() ? Fault.NONE : faults.poll();
        if (f == Fault.FAIL_THEN_TIMEOUT) return new SubmitOutcome.Ambiguous("read timed out");
        if (f == Fault.REJECT) return new SubmitOutcome.Rejected("We cannot accept an order at the limit price you selected");
        if (byRef.containsKey(ref))
            return new SubmitOutcome.AlreadyRegistered("Order couldn't be submitted: Local order ID=" + ref + " is already registered.");
        BrokerOrder o = new BrokerOrder(Integer.toString(nextId++), ref, r.instrument(), r.side(), r.quantity(), BigDecimal.ZERO,
            OrderStatus.WORKING);
        byRef.put(ref, o);
        append("ORDER", o.brokerOrderId(), ref, r.instrument().symbol(), r.side().name(), r.quantity().toPlainString());
        if (f == Fault.ACCEPT_THEN_TIMEOUT) return new SubmitOutcome.Ambiguous("read timed out");
        if (f == Fault.THROW_AFTER_ACCEPT) throw new IllegalStateException("unparsable body: <html>");
        return new SubmitOutcome.Placed(o.brokerOrderId());
    }

    /** Executes {@code qty} of our order at {@code price}; returns the execution id. */
    public synchronized String fill(String coid, BigDecimal qty, BigDecimal price, long timeMillis) {
        BrokerOrder o = byRef.get(coid);
        if (o == null) throw new IllegalArgumentException("venue has no order " + coid);
        BigDecimal filled = o.filledQuantity().add(qty);
        if (filled.compareTo(o.quantity()) > 0) throw new IllegalArgumentException("overfill of " + coid);
        String exec = "x" + coid + "." + executions.size();
        byRef.put(coid, new BrokerOrder(o.brokerOrderId(), coid, o.instrument(), o.side(), o.quantity(), filled,
            filled.compareTo(o.quantity()) == 0 ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED));
        executions.add(new BrokerExecution(exec, coid, o.instrument(), o.side(), qty, price, BigDecimal.ZERO, timeMillis));
        append("EXEC", exec, coid, qty.toPlainString(), price.toPlainString(), Long.toString(timeMillis));
        return exec;
    }

    public synchronized void addForeign(Instrument in, Side side, BigDecimal qty) {
        foreign.add(new BrokerOrder(Integer.toString(nextId++), "TWS-manual", in, side, qty, BigDecimal.ZERO, OrderStatus.WORKING));
    }

    /** A position change nobody journaled (manual trade in TWS): drives the mismatch scenario. */
    public synchronized void addUnjournaledPosition(String symbol, BigDecimal qty) { extraPositions.merge(symbol, qty, BigDecimal::add); }

    @Override public synchronized Optional<BrokerOrder> lookup(String coid) {
        if (down) throw new IllegalStateException("connection refused");
        if (hiddenProbes > 0) { hiddenProbes--; return Optional.empty(); }
        return Optional.ofNullable(byRef.get(coid));
    }

    @Override public synchronized List<BrokerOrder> liveOrders() {
        List<BrokerOrder> l = new ArrayList<>(byRef.values());
        l.addAll(foreign);
        return l;
    }

    @Override public synchronized List<BrokerExecution> executions() { return List.copyOf(executions); }

    @Override public synchronized List<Position> positions() {
        Map<String, BigDecimal> pos = new HashMap<>(extraPositions);
        for (BrokerExecution x : executions)
            pos.merge(x.instrument().symbol(), x.side() == Side.BUY ? x.quantity() : x.quantity().negate(), BigDecimal::add);
        List<Position> out = new ArrayList<>();
        pos.forEach((s, q) -> { if (q.signum() != 0) out.add(new Position(Instrument.of(s), q, BigDecimal.ONE)); });
        return out;
    }

    @Override public synchronized void cancel(String brokerOrderId) {
        byRef.replaceAll((k, o) -> o.brokerOrderId().equals(brokerOrderId) && !o.status().isTerminal()
            ? new BrokerOrder(o.brokerOrderId(), k, o.instrument(), o.side(), o.quantity(), o.filledQuantity(), OrderStatus.CANCELLED) : o);
    }

    private void append(String... cells) {
        if (file == null) return;
        try (var ch = java.nio.channels.FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            ch.write(java.nio.ByteBuffer.wrap((String.join(" ", cells) + "\n").getBytes(StandardCharsets.UTF_8)));
            ch.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void load() {
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank() || !line.endsWith("")) continue;
                String[] c = line.split(" ");
                if (c[0].equals("ORDER") && c.length == 6) {
                    byRef.put(c[2], new BrokerOrder(c[1], c[2], Instrument.of(c[3]), Side.valueOf(c[4]), new BigDecimal(c[5]),
                        BigDecimal.ZERO, OrderStatus.WORKING));
                    nextId = Math.max(nextId, Integer.parseInt(c[1]) + 1);
                } else if (c[0].equals("EXEC") && c.length == 6) {
                    BrokerOrder o = byRef.get(c[2]);
                    BigDecimal q = new BigDecimal(c[3]);
                    BigDecimal filled = o.filledQuantity().add(q);
                    byRef.put(c[2], new BrokerOrder(o.brokerOrderId(), c[2], o.instrument(), o.side(), o.quantity(), filled,
                        filled.compareTo(o.quantity()) == 0 ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED));
                    executions.add(new BrokerExecution(c[1], c[2], o.instrument(), o.side(), q, new BigDecimal(c[4]), BigDecimal.ZERO,
                        Long.parseLong(c[5])));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
