package io.ibex.live.journal;

import com.zaxxer.hikari.HikariDataSource;
import io.ibex.framework.domain.ClientOrderId;
import io.ibex.framework.domain.Fill;
import io.ibex.framework.event.OrderStatus;
import io.ibex.framework.files.FileModes;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;

/**
 * The write-ahead order journal (P1, P2, P8): H2 in file mode behind HikariCP with {@code WRITE_DELAY=0}, so every
 * commit has reached the OS before the method returns and survives kill -9. An intent row is committed before the
 * order goes on the wire; every status change and every fill (keyed by execution id, idempotent) follows.
 * Single writer: the {@link JournalLock} is taken before H2 opens.
 */
public final class OrderJournal implements AutoCloseable {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(OrderJournal.class);
    private final JournalLock lock;
    private final HikariDataSource pool;
    private final String runnerId;
    private final InstantSource clock;
    private final Path path;
    private final SendLog sendLog;
    private final JournalReads reads;
    private final FillBook book;

    private OrderJournal(JournalLock lock, HikariDataSource pool, String runnerId, InstantSource clock, Path path,
                         SendLog sendLog) {
        this.lock = lock;
        this.pool = pool;
        this.runnerId = runnerId;
        this.clock = clock;
        this.path = path;
        this.sendLog = sendLog;
        this.reads = new JournalReads(pool, path);
        this.book = new FillBook(reads.fills());
    }

    /**
     * Opens (creating if needed) the journal at {@code path} (H2 adds {@code .mv.db}). A new journal gets its runner id
     * from {@code prefix} plus random characters ({@link ClientOrderIds#newRunnerId}); an existing one keeps its own.
     */
    public static OrderJournal open(Path path, String prefix, InstantSource clock) {
        return open(path, prefix, clock, 0);
    }

    /**
     * @param writeDelayMillis 0 in production; the torture test's negative control uses H2's default 500 to prove the
     *                         checker can see lost commits
     */
    public static OrderJournal open(Path path, String prefix, InstantSource clock, int writeDelayMillis) {
        ClientOrderIds.checkPrefix(prefix);
        Path abs = path.toAbsolutePath().normalize();
        String name = abs.getFileName().toString();
        if (name.contains(";") || name.contains("=") || abs.toString().contains(";"))
            throw new JournalException("journal path " + path + " must be a plain file path (no ';' or '=' settings)");
        JournalLock lock = JournalLock.acquire(abs);
        HikariDataSource pool = JournalPool.open(abs, writeDelayMillis, lock);
        FileModes.makePrivateIfExists(abs.resolveSibling(name + ".mv.db"));   // H2 creates it with the umask
        String runnerId;
        try (Connection c = pool.getConnection()) {
            JournalSchema.migrate(c, abs.toString(), prefix);
            runnerId = JournalReads.readState(c, JournalSchema.RUNNER_ID_KEY).orElse(null);
            if (!ClientOrderIds.isRunnerId(runnerId))
                throw new JournalException("journal " + abs + " has no valid runner id (found '" + runnerId + "'); it was edited"
                    + " or damaged: keep it for the record and start with a new --journal");
        } catch (SQLException | RuntimeException e) {
            pool.close();
            lock.close();
            if (e instanceof JournalException je) throw je;
            throw new JournalException("cannot open journal " + abs + ": " + e.getMessage(), e);
        }
        OrderJournal journal = new OrderJournal(lock, pool, runnerId, clock, abs, writeDelayMillis == 0 ? SendLog.open(abs) : null);
        if (writeDelayMillis == 0) journal.restoreFromSendLog();
        return journal;
    }

    /** This journal's runner id, made when the journal was created; it starts every cOID the journal issues. */
    public String runnerId() { return runnerId; }

    public Path path() { return path; }

    /**
     * Commits a new intent with the next journal sequence and returns it with its cOID. Nothing goes on the wire
     * before this returns.
     */
    public JournalIntent recordIntent(IntentDraft d) {
        long now = clock.millis();
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                long seq;
                try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(MAX(seq), 0) + 1 FROM intent");
                     ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    seq = rs.getLong(1);
                }
                ClientOrderId id = ClientOrderIds.of(runnerId, Instant.ofEpochMilli(now), seq);
                JournalIntent intent = new JournalIntent(seq, id, d, OrderStatus.NEW, null, 0, BigDecimal.ZERO, now);
                JournalRows.insertIntent(c, intent, "intent", now);
                c.commit();
                return intent;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new JournalException("cannot commit intent to journal " + path + ": " + e.getMessage()
                + " (no order was sent; check disk space and that no other process opened the file)", e);
        }
    }

    /** Puts back every intent the send log names that H2 lost (see {@link SendLog}); returns how many. */
    int restoreFromSendLog() {
        int restored = 0;
        for (JournalIntent sent : SendLog.read(path)) {
            if (find(sent.id()).isPresent()) continue;
            try (Connection c = pool.getConnection()) {
                c.setAutoCommit(false);
                JournalRows.insertIntent(c, sent, "restored from the send log: sent, but the H2 journal had lost it", clock.millis());
                c.commit();
            } catch (SQLException e) {
                throw new JournalException("cannot restore intent " + sent.id() + " into journal " + path + ": " + e.getMessage(), e);
            }
            log.error("journal {} had lost intent {} that was sent; restored it from {} as SUBMITTED (it will be looked up by cOID)",
                path, sent.id(), SendLog.of(path));
            restored++;
        }
        return restored;
    }

    /**
     * Marks the intent as going on the wire: attempts + 1 and SUBMITTED, committed, then the attempt is appended to
     * the {@link SendLog} and forced to the disk, all before the HTTP call. Only the torture test's negative control
     * opens a journal with a write delay; it has no send log, so its losses stay visible.
     */
    public void markSending(ClientOrderId id) {
        update(id, "UPDATE intent SET attempts = attempts + 1, status = ?, updated_ms = ? WHERE coid = ?",
            OrderStatus.SUBMITTED, "sending", null);
        if (sendLog != null) sendLog.append(find(id).orElseThrow());
    }

    /**
     * Records a status change. A terminal status is absorbing: later changes are ignored (returns false), except that
     * fills are always applied through {@link #recordFill}.
     */
    public boolean setStatus(ClientOrderId id, OrderStatus status, String brokerOrderId, String note) {
        JournalIntent cur = find(id).orElseThrow(() -> new JournalException("journal has no intent " + id));
        if (cur.status().isTerminal() && cur.status() != status) return false;
        if (cur.status() == status && (brokerOrderId == null || brokerOrderId.equals(cur.brokerOrderId()))) return false;
        update(id, "UPDATE intent SET status = ?, updated_ms = ?, broker_order_id = COALESCE(?, broker_order_id) WHERE coid = ?",
            status, note, brokerOrderId);
        return true;
    }

    private void update(ClientOrderId id, String sql, OrderStatus status, String note, String brokerOrderId) {
        long now = clock.millis();
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int i = 1;
                ps.setString(i++, status.name());
                ps.setLong(i++, now);
                if (sql.contains("broker_order_id = COALESCE")) ps.setString(i++, brokerOrderId);
                ps.setString(i, id.value());
                if (ps.executeUpdate() != 1) throw new JournalException("journal has no intent " + id);
                JournalRows.insertChange(c, id, status, note, now);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new JournalException("cannot record " + status + " of " + id + " in journal " + path + ": " + e.getMessage(), e);
        }
    }

    /**
     * Records a modify of a working order: {@code done} false before it is sent (a note only), true once the venue took
     * it (quantity and prices then become the new ones).
     */
    public void amend(ClientOrderId id, BigDecimal quantity, BigDecimal limitPrice, BigDecimal stopPrice, boolean done) {
        JournalIntent cur = find(id).orElseThrow(() -> new JournalException("journal has no intent " + id));
        String what = "quantity " + quantity.toPlainString() + (limitPrice == null ? "" : " limit " + limitPrice.toPlainString())
            + (stopPrice == null ? "" : " stop " + stopPrice.toPlainString());
        long now = clock.millis();
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                if (done) {
                    try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE intent SET quantity = ?, limit_price = ?, stop_price = ?, updated_ms = ? WHERE coid = ?")) {
                        ps.setBigDecimal(1, quantity);
                        ps.setBigDecimal(2, limitPrice);
                        ps.setBigDecimal(3, stopPrice);
                        ps.setLong(4, now);
                        ps.setString(5, id.value());
                        ps.executeUpdate();
                    }
                }
                JournalRows.insertChange(c, id, cur.status(), (done ? "modified: " : "modify requested: ") + what, now);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new JournalException("cannot record the modify of " + id + " in journal " + path + ": " + e.getMessage(), e);
        }
    }

    /**
     * Applies a fill exactly once (P2): a repeated execution id changes nothing and returns false. The intent's status
     * follows: FILLED once filled quantity reaches the order quantity, else PARTIALLY_FILLED. Filled quantity never goes down.
     */
    public boolean recordFill(Fill f) {
        long now = clock.millis();
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM fill WHERE execution_id = ?")) {
                    ps.setString(1, f.executionId());
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) { c.rollback(); return false; }
                    }
                }
                BigDecimal qty;
                try (PreparedStatement ps = c.prepareStatement("SELECT quantity FROM intent WHERE coid = ?")) {
                    ps.setString(1, f.orderId().value());
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next()) throw new JournalException("fill " + f.executionId() + " names unknown intent " + f.orderId());
                        qty = rs.getBigDecimal(1);
                    }
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO fill VALUES (?,?,?,?,?,?,?,?)")) {
                    ps.setString(1, f.executionId());
                    ps.setString(2, f.orderId().value());
                    ps.setString(3, f.instrument().symbol());
                    ps.setString(4, f.side().name());
                    ps.setBigDecimal(5, f.quantity());
                    ps.setBigDecimal(6, f.price());
                    ps.setBigDecimal(7, f.commission());
                    ps.setLong(8, f.timeMillis());
                    ps.executeUpdate();
                }
                BigDecimal filled = filled(c, f.orderId());
                OrderStatus st = filled.compareTo(qty) >= 0 ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED;
                try (PreparedStatement ps = c.prepareStatement("UPDATE intent SET status = ?, updated_ms = ? WHERE coid = ?")) {
                    ps.setString(1, st.name());
                    ps.setLong(2, now);
                    ps.setString(3, f.orderId().value());
                    ps.executeUpdate();
                }
                JournalRows.insertChange(c, f.orderId(), st, "fill " + f.executionId(), now);
                Fill stored = JournalReads.fill(c, f.executionId());   // the table's decimals, for the in-memory book
                c.commit();
                book.add(stored);
                return true;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new JournalException("cannot record fill " + f.executionId() + " in journal " + path + ": " + e.getMessage(), e);
        }
    }

    private static BigDecimal filled(Connection c, ClientOrderId id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(SUM(quantity), 0) FROM fill WHERE coid = ?")) {
            ps.setString(1, id.value());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBigDecimal(1);
            }
        }
    }

    public Optional<JournalIntent> find(ClientOrderId id) {
        List<JournalIntent> l = reads.intents(" WHERE i.coid = ?", id.value());
        return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
    }

    /** The intent the broker knows as {@code brokerOrderId} (a bracket child carries no cOID on the wire), if any. */
    public Optional<JournalIntent> findByBrokerOrderId(String brokerOrderId) {
        if (brokerOrderId == null || brokerOrderId.isBlank()) return Optional.empty();
        List<JournalIntent> l = reads.intents(" WHERE i.broker_order_id = ?", brokerOrderId);
        return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
    }

    /** Every intent, in sequence order. */
    public List<JournalIntent> intents() { return reads.intents("", null); }

    /** Intents not in a terminal status (NEW, SUBMITTED, WORKING, PARTIALLY_FILLED, PENDING_CANCEL, UNKNOWN). */
    public List<JournalIntent> openIntents() {
        return reads.intents(" WHERE i.status NOT IN ('FILLED','CANCELLED','REJECTED')", null);
    }

    /** Every fill, in execution-time order (from memory: {@link FillBook}). */
    public List<Fill> fills() { return book.fills(); }

    /** Signed position in {@code symbol} derived from the journal's fills (L1). */
    public BigDecimal position(String symbol) { return book.position(symbol); }

    /** The cash the fills moved: buys cost, sells brought, commissions paid. */
    public BigDecimal cashFlow() { return book.cashFlow(); }

    /** Persisted runner state (e.g. {@code halted}), so a kill switch survives a restart (P4). */
    public void putState(String key, String value) {
        try (Connection c = pool.getConnection();
             PreparedStatement ps = c.prepareStatement("MERGE INTO runner_state (k, v) KEY (k) VALUES (?, ?)")) {
            ps.setString(1, key);
            ps.setString(2, value);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new JournalException("cannot write runner state to journal " + path + ": " + e.getMessage(), e);
        }
    }

    public Optional<String> state(String key) { return reads.state(key); }

    /** True when this journal issued {@code coid}: the only test of "ours" for an order or execution at the broker. */
    public boolean issued(String coid) {
        return coid != null && !coid.isBlank() && find(new ClientOrderId(coid)).isPresent();
    }

    /** The configured WRITE_DELAY as H2 reports it (tests pin it to 0). */
    public int writeDelay() { return reads.writeDelay(); }

    @Override public void close() {
        try {
            if (sendLog != null) sendLog.close();
            pool.close();
        } finally {
            lock.close();
        }
    }
}
