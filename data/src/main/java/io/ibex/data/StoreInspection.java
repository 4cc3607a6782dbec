package io.ibex.data;

import io.ibex.framework.error.DataException;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.db.ValueDataType;
import org.h2.mvstore.tx.TransactionMap;
import org.h2.mvstore.tx.TransactionStore;
import org.h2.result.Row;
import org.h2.value.Value;
import org.h2.value.ValueCollectionBase;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the object definitions of an H2 store file WITHOUT opening it as a database, and refuses the file when it
 * defines anything that can run code (reliability.md, "Bar store"). This has to happen before H2 opens the file:
 * H2 compiles and runs a trigger's Java source while it loads the schema, before any query can look at
 * INFORMATION_SCHEMA. The definitions are the rows of H2's meta table ({@code table.0}: id, head, type, SQL), read
 * the way H2's own Recover tool reads them.
 *
 * <p>Allow-list: only the object types a bar store consists of, tables only as plain stored tables, and no
 * built-in function that reaches files or other databases in any definition (defaults, checks, generated columns).
 */
final class StoreInspection {
    /** DbObject type codes: table, index, user, sequence, constraint, setting, role, right, schema, comment. */
    private static final Set<Integer> ALLOWED_TYPES = Set.of(0, 1, 2, 3, 5, 6, 7, 8, 10, 13);
    private static final Pattern PLAIN_TABLE = Pattern.compile("CREATE (CACHED |MEMORY )?TABLE .*", Pattern.DOTALL);
    private static final Pattern REACHES_OUT = Pattern.compile(
        "\\b(FILE_WRITE|FILE_READ|CSVWRITE|CSVREAD|LINK_SCHEMA|RUNSCRIPT|JAVA_OBJECT_SERIALIZER|ENGINE|LINKED)\\b");

    private StoreInspection() {}

    /** @param mvFile an existing {@code .mv.db} file */
    static void check(Path mvFile, String display) {
        String refusal;
        try (MVStore mv = new MVStore.Builder().fileName(mvFile.toString()).readOnly().open()) {
            if (!mv.hasMap("table.0")) return;            // no schema yet: H2 will create one
            TransactionStore tx = new TransactionStore(mv, new ValueDataType());
            tx.init();
            TransactionMap<Object, Object> meta = tx.begin().openMap("table.0");
            refusal = null;
            for (Iterator<Object> keys = meta.keyIterator(null); keys.hasNext() && refusal == null; )
                refusal = problem(meta.get(keys.next()));
        } catch (DataException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new DataException("bar store " + display + " is corrupted or not an H2 database ("
                + firstLine(e) + "); restore a backup or choose another --db", e);
        }
        if (refusal != null)
            throw new DataException("bar store " + display + " refused: it defines " + refusal + ", which could run"
                + " code when ibex opens it; a bar store holds only ibex's tables (rebuild it with ibex data export"
                + " and import, or choose another --db)");
    }

    /** What is wrong with one meta row, or null. */
    private static String problem(Object row) {
        Value[] values = row instanceof Row r ? r.getValueList() : ((ValueCollectionBase) row).getList();
        int type = values[2].getInt();
        String sql = values[3].getString();
        String upper = sql.toUpperCase(Locale.ROOT);
        String what = shorten(sql);
        if (!ALLOWED_TYPES.contains(type)) return describe(type) + " (" + what + ")";
        if (type == 0 && !PLAIN_TABLE.matcher(upper).matches()) return "a view or linked table (" + what + ")";
        if (REACHES_OUT.matcher(upper.replaceAll("'([^']|'')*'", "''")).find())
            return "an object that reaches files or other databases (" + what + ")";
        return null;
    }

    private static String describe(int type) {
        return switch (type) {
            case 4 -> "a trigger";
            case 9 -> "a Java function (alias)";
            case 14 -> "a user-defined aggregate";
            case 11 -> "a constant";
            case 12 -> "a domain";
            case 15 -> "a synonym";
            default -> "an object of H2 type " + type;
        };
    }

    private static String shorten(String sql) {
        String one = sql.replaceAll("\\s+", " ");
        return one.length() <= 60 ? one : one.substring(0, 57) + "...";
    }

    private static String firstLine(Throwable e) {
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
    }

    static Path mvFile(Path base) { return Path.of(base + ".mv.db"); }
}
