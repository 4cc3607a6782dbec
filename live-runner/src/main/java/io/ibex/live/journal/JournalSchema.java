package io.ibex.live.journal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Creates, upgrades or checks the journal tables, one step per version; a newer file is refused, not guessed at.
 * Version 1: intents, status changes, fills, runner state. Version 2: the journal's own runner id
 * ({@value #RUNNER_ID_KEY} in runner_state), made once, so cOIDs never repeat across journals (issue 17.2).
 * Version 3: an intent's bracket parent ({@code parent_coid}) and OCA group ({@code oca_group}), so a restarted runner
 * knows a bracket's children; intents of older journals get null in both (stand-alone orders, which they were).
 */
final class JournalSchema {
    static final int VERSION = 3;
    static final int MAX_OCA_GROUP = 128;
    static final String RUNNER_ID_KEY = "runner_id";

    private JournalSchema() {}

    /** @param prefix starts the runner id made for a journal that has none yet */
    static void migrate(Connection c, String where, String prefix) throws SQLException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            migrateSteps(c, where, prefix);
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(auto);
        }
    }

    private static void migrateSteps(Connection c, String where, String prefix) throws SQLException {
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
            if (found < 1) createVersion1(s);
            if (found < 2) {
                // DDL commits on its own in H2: a kill between steps leaves them re-runnable, and an id once made is kept
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO runner_state (k, v) SELECT ?, ? FROM DUAL"
                    + " WHERE NOT EXISTS (SELECT 1 FROM runner_state WHERE k = '" + RUNNER_ID_KEY + "')")) {
                    ps.setString(1, RUNNER_ID_KEY);
                    ps.setString(2, ClientOrderIds.newRunnerId(prefix));
                    ps.executeUpdate();
                }
            }
            if (found < 3) {
                s.execute("ALTER TABLE intent ADD COLUMN IF NOT EXISTS parent_coid VARCHAR(64)");
                s.execute("ALTER TABLE intent ADD COLUMN IF NOT EXISTS oca_group VARCHAR(" + MAX_OCA_GROUP + ")");
            }
            s.execute("INSERT INTO schema_version VALUES (" + VERSION + ")");
        }
    }

    private static void createVersion1(Statement s) throws SQLException {
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
    }
}
