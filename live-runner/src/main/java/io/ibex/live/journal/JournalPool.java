package io.ibex.live.journal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;

import java.nio.file.Path;

/** The journal's small HikariCP pool over H2 in file mode (FILE_LOCK=FS; WRITE_DELAY 0 so a commit is on disk). */
final class JournalPool {
    private JournalPool() {}

    /** Opens the pool; on failure releases {@code lock} and throws, so the caller has nothing to clean up. */
    static HikariDataSource open(Path abs, int writeDelayMillis, JournalLock lock) {
        HikariConfig cfg = new HikariConfig();
        cfg.setJdbcUrl("jdbc:h2:file:" + abs + ";WRITE_DELAY=" + writeDelayMillis + ";FILE_LOCK=FS");
        cfg.setPoolName("ibex-journal");
        cfg.setMaximumPoolSize(2);   // the router writes; the status table reads
        cfg.setMinimumIdle(0);
        cfg.setConnectionTimeout(10_000);
        try {
            return new HikariDataSource(cfg);
        } catch (HikariPool.PoolInitializationException e) {
            lock.close();
            throw new JournalException("cannot open journal " + abs + ": " + e.getMessage(), e);
        }
    }
}
