package io.ibex.live.journal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Creates or checks the journal tables. Version 1 is the only one so far; a newer file is refused, not guessed at. */
final class JournalSchema {
    static final int VERSION = 1;

    private JournalSchema() {}

    static void migrate(Connection c, String where) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS schema_version (version INT NOT NULL)");
            int found = 0;
            try (ResultSet rs = s.executeQuery("SELECT MAX(version) FROM schema_version")) {
                if (rs.next()) found = rs.getInt(1);
            }
            if (found > VERSION)
                throw new JournalException("journal " + where + " has schema version " + found + " but this ibex knows only "
                    + VERSION + "; use the ibex version that wrote it");
            if (found == VERSION) return;
            s.execute("""
                CREATE TABLE IF NOT EXISTS intent (
                  seq BIGINT PRIMARY KEY, coid VARCHAR(64) NOT NULL UNIQUE,
                  strategy VARCHAR(128) NOT NULL, strategy_version VARCHAR(64) NOT NULL, strategy_sha256 VARCHAR(64) NOT NULL,
                  symbol VARCHAR(32) NOT NULL, currency VARCHAR(8) NOT NULL, side VARCHAR(4) NOT NULL,
                  quantity DECIMAL(30,8) NOT NULL, order_type VARCHAR(16) NOT NULL, limit_price DECIMAL(30,8),
                  stop_price DECIMAL(30,8), tif VARCHAR(8) NOT NULL, status VARCHAR(20) NOT NULL,
                  broker_order_id VARCHAR(64), attempts INT NOT NULL, created_ms BIGINT NOT NULL, updated_ms BIGINT NOT NULL)""");
            s.execute("""
                CREATE TABLE IF NOT EXISTS status_change (
                  id BIGINT AUTO_INCREMENT PRIMARY KEY, coid VARCHAR(64) NOT NULL, status VARCHAR(20) NOT NULL,
                  note VARCHAR(512), at_ms BIGINT NOT NULL)""");
            s.execute("""
                CREATE TABLE IF NOT EXISTS fill (
                  execution_id VARCHAR(64) PRIMARY KEY, coid VARCHAR(64) NOT NULL, symbol VARCHAR(32) NOT NULL,
                  side VARCHAR(4) NOT NULL, quantity DECIMAL(30,8) NOT NULL, price DECIMAL(30,8) NOT NULL,
                  commission DECIMAL(30,8) NOT NULL, time_ms BIGINT NOT NULL)""");
            s.execute("CREATE INDEX IF NOT EXISTS fill_coid ON fill(coid)");
            s.execute("CREATE TABLE IF NOT EXISTS runner_state (k VARCHAR(64) PRIMARY KEY, v VARCHAR(512) NOT NULL)");
            s.execute("INSERT INTO schema_version VALUES (" + VERSION + ")");
        }
    }
}
