package io.ibex.data;

import io.ibex.framework.error.DataException;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** What is checked about a store before and right after H2 opens it, each failure one line. */
final class StoreFiles {
    private StoreFiles() {}

    /**
     * Checks the store's file before H2 touches it: a read never creates anything, a write gets its directory
     * (or the reason it cannot), and an existing file is inspected for code ({@link StoreInspection}).
     *
     * @return whether a non-empty data file existed (so an empty schema afterwards means H2 could not read it)
     */
    static boolean checkBeforeOpen(StoreLocation location, boolean create) {
        Path mv = location.mvFile();
        if (mv == null) return false;
        String shown = location.display();
        if (Files.isDirectory(mv)) throw new DataException("bar store " + shown + ": " + mv + " is a directory");
        if (!Files.exists(mv)) {
            if (!create)
                throw new DataException("no bar store at " + shown + " (import bars first: ibex data import FILE"
                    + " --symbol SYM --db " + shown + ")");
            createDirectory(mv.getParent(), shown);
            return false;
        }
        if (!Files.isReadable(mv)) throw new DataException("bar store " + shown + ": cannot read " + mv
            + ": permission denied");
        if (create && !Files.isWritable(mv)) throw new DataException("bar store " + shown + ": cannot write " + mv
            + ": permission denied");
        try {
            if (Files.size(mv) == 0) return false;
        } catch (IOException e) {
            throw new DataException("bar store " + shown + ": cannot read " + mv + ": " + reason(e));
        }
        StoreInspection.check(mv, shown);
        return true;
    }

    /**
     * After opening, before any query on a user table: no triggers, Java functions or non-table objects (the file
     * inspection already refused them; this also covers in-memory stores and anything H2 adds by itself).
     */
    static void checkObjects(Connection c, String shown) throws SQLException {
        String[][] checks = {
            {"a trigger", "SELECT TRIGGER_NAME FROM INFORMATION_SCHEMA.TRIGGERS"},
            {"a Java function (alias)", "SELECT ROUTINE_NAME FROM INFORMATION_SCHEMA.ROUTINES"
                + " WHERE ROUTINE_SCHEMA <> 'INFORMATION_SCHEMA'"},
            {"a view, linked table or synonym", "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES"
                + " WHERE TABLE_SCHEMA <> 'INFORMATION_SCHEMA' AND TABLE_TYPE <> 'BASE TABLE'"}};
        try (Statement s = c.createStatement()) {
            for (String[] check : checks)
                try (ResultSet r = s.executeQuery(check[1])) {
                    if (r.next())
                        throw new DataException("bar store " + shown + " refused: it defines " + check[0] + " ("
                            + r.getString(1) + "), which could run code; a bar store holds only ibex's tables");
                }
        }
    }

    private static void createDirectory(Path dir, String shown) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new DataException("bar store " + shown + ": cannot create the directory " + dir + ": " + reason(e));
        }
        if (!Files.isWritable(dir))
            throw new DataException("bar store " + shown + ": cannot write in " + dir + ": permission denied");
    }

    /** The reason of an I/O failure in words (the JDK's messages are often just the path). */
    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) return "permission denied";
        if (e instanceof FileSystemException f && f.getReason() != null) return f.getReason();
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
