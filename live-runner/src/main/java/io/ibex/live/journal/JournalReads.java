package io.ibex.live.journal;

import io.ibex.framework.domain.ClientOrderId;
import io.ibex.framework.domain.Fill;
import io.ibex.framework.domain.Instrument;
import io.ibex.framework.domain.OrderType;
import io.ibex.framework.domain.Side;
import io.ibex.framework.domain.TimeInForce;
import io.ibex.framework.event.OrderStatus;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** The journal's row-to-record queries (intents with their filled quantity, fills); {@link OrderJournal} writes. */
final class JournalReads {
    private final DataSource pool;
    private final Path path;

    JournalReads(DataSource pool, Path path) {
        this.pool = pool;
        this.path = path;
    }

    /** Intents matching {@code where} (with at most one string argument), in sequence order. */
    List<JournalIntent> intents(String where, String arg) {
        String sql = "SELECT i.seq, i.coid, i.strategy, i.strategy_version, i.strategy_sha256, i.symbol, i.currency, i.side,"
            + " i.quantity, i.order_type, i.limit_price, i.stop_price, i.tif, i.status, i.broker_order_id, i.attempts,"
            + " i.created_ms, (SELECT COALESCE(SUM(f.quantity), 0) FROM fill f WHERE f.coid = i.coid), i.parent_coid, i.oca_group"
            + " FROM intent i" + where + " ORDER BY i.seq";
        try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (arg != null) ps.setString(1, arg);
            List<JournalIntent> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    IntentDraft d = new IntentDraft(rs.getString(3), rs.getString(4), rs.getString(5),
                        new Instrument(rs.getString(6), rs.getString(7)), Side.valueOf(rs.getString(8)),
                        rs.getBigDecimal(9).stripTrailingZeros(), OrderType.valueOf(rs.getString(10)),
                        strip(rs.getBigDecimal(11)), strip(rs.getBigDecimal(12)), TimeInForce.valueOf(rs.getString(13)),
                        rs.getString(19) == null ? null : new ClientOrderId(rs.getString(19)), rs.getString(20));
                    out.add(new JournalIntent(rs.getLong(1), new ClientOrderId(rs.getString(2)), d,
                        OrderStatus.valueOf(rs.getString(14)), rs.getString(15), rs.getInt(16),
                        rs.getBigDecimal(18).stripTrailingZeros(), rs.getLong(17)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new JournalException("cannot read journal " + path + ": " + e.getMessage(), e);
        }
    }

    private static BigDecimal strip(BigDecimal b) { return b == null ? null : b.stripTrailingZeros(); }

    private static final String FILLS = "SELECT f.execution_id, f.coid, f.symbol, i.currency, f.side, f.quantity, f.price,"
        + " f.commission, f.time_ms FROM fill f JOIN intent i ON i.coid = f.coid";

    List<Fill> fills() {
        try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(FILLS + " ORDER BY f.time_ms, f.execution_id");
             ResultSet rs = ps.executeQuery()) {
            List<Fill> out = new ArrayList<>();
            while (rs.next()) out.add(fill(rs));
            return out;
        } catch (SQLException e) {
            throw new JournalException("cannot read fills from journal " + path + ": " + e.getMessage(), e);
        }
    }

    /** One fill as the table holds it (its decimals at the table's scale), on the caller's connection. */
    static Fill fill(Connection c, String executionId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(FILLS + " WHERE f.execution_id = ?")) {
            ps.setString(1, executionId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) throw new SQLException("fill " + executionId + " is not in the journal");
                return fill(rs);
            }
        }
    }

    private static Fill fill(ResultSet rs) throws SQLException {
        return new Fill(rs.getString(1), new ClientOrderId(rs.getString(2)), new Instrument(rs.getString(3), rs.getString(4)),
            Side.valueOf(rs.getString(5)), rs.getBigDecimal(6).stripTrailingZeros(), rs.getBigDecimal(7).stripTrailingZeros(),
            rs.getBigDecimal(8).stripTrailingZeros(), rs.getLong(9));
    }

    Optional<String> state(String key) {
        try (Connection c = pool.getConnection()) {
            return readState(c, key);
        } catch (SQLException e) {
            throw new JournalException("cannot read runner state from journal " + path + ": " + e.getMessage(), e);
        }
    }

    static Optional<String> readState(Connection c, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT v FROM runner_state WHERE k = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    int writeDelay() {
        try (Connection c = pool.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Integer.parseInt(rs.getString(1)) : -1;
        } catch (SQLException e) {
            throw new JournalException("cannot read settings of journal " + path + ": " + e.getMessage(), e);
        }
    }
}
