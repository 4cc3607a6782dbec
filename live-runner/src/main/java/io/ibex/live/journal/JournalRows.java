package io.ibex.live.journal;

import io.ibex.framework.domain.ClientOrderId;
import io.ibex.framework.event.OrderStatus;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** The journal's row inserts (an intent with its first status change, a status change), inside the caller's transaction. */
final class JournalRows {
    private static final String INTENT_COLUMNS = "seq, coid, strategy, strategy_version, strategy_sha256, symbol, currency,"
        + " side, quantity, order_type, limit_price, stop_price, tif, status, broker_order_id, attempts, created_ms,"
        + " parent_coid, oca_group";

    private JournalRows() {}

    static void insertIntent(Connection c, JournalIntent i, String note, long now) throws SQLException {
        IntentDraft d = i.draft();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO intent (" + INTENT_COLUMNS
            + ", updated_ms) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
            ps.setLong(1, i.seq());
            ps.setString(2, i.id().value());
            ps.setString(3, d.strategy());
            ps.setString(4, d.strategyVersion());
            ps.setString(5, d.strategySha256());
            ps.setString(6, d.instrument().symbol());
            ps.setString(7, d.instrument().currency());
            ps.setString(8, d.side().name());
            ps.setBigDecimal(9, d.quantity());
            ps.setString(10, d.type().name());
            ps.setBigDecimal(11, d.limitPrice());
            ps.setBigDecimal(12, d.stopPrice());
            ps.setString(13, d.tif().name());
            ps.setString(14, i.status().name());
            ps.setString(15, null);
            ps.setInt(16, i.attempts());
            ps.setLong(17, i.createdMillis());
            ps.setString(18, d.parentId() == null ? null : d.parentId().value());
            ps.setString(19, d.ocaGroup());
            ps.setLong(20, now);
            ps.executeUpdate();
        }
        insertChange(c, i.id(), i.status(), note, now);
    }

    static void insertChange(Connection c, ClientOrderId id, OrderStatus status, String note, long now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO status_change (coid, status, note, at_ms) VALUES (?,?,?,?)")) {
            ps.setString(1, id.value());
            ps.setString(2, status.name());
            ps.setString(3, note == null ? null : note.length() > 512 ? note.substring(0, 512) : note);
            ps.setLong(4, now);
            ps.executeUpdate();
        }
    }
}
