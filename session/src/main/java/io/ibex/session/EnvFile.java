package io.ibex.session;

import io.ibex.framework.error.ConfigException;
import io.ibex.framework.files.FileModes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A {@code .env} file with IBeam's credentials ({@code KEY=VALUE} lines, {@code #} comments, optional quotes). It is read
 * only when it is private: owned by the user running ibex and no permission bit for group or others (0600, 0400 and
 * also 0700 are private; reliability S3). Error messages name the file, the line and the fix and never quote its
 * contents: not a value, not even a malformed name (it may be a pasted password).
 */
public final class EnvFile {
    private EnvFile() {}

    public static Map<String, String> load(Path path) {
        PosixFileAttributes attrs;
        UserPrincipal me;
        try {
            attrs = Files.readAttributes(path, PosixFileAttributes.class);   // follows symlinks: the target must be ours
            me = path.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(System.getProperty("user.name"));
        } catch (NoSuchFileException e) {
            throw new ConfigException(path + ": credentials file not found. Fix: create it with IBEAM_ACCOUNT=... and"
                + " IBEAM_PASSWORD=... lines, then chmod 600 " + path);
        } catch (IOException | UnsupportedOperationException e) {
            throw new ConfigException(path + ": cannot read its owner and mode (" + e.getMessage() + ")");
        }
        checkPrivate(path, attrs, me);
        try {
            return parse(path, Files.readAllLines(path));
        } catch (IOException e) {
            throw new ConfigException(path + ": cannot read (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** Refuses a file that others can read or that belongs to someone else. */
    public static void checkPrivate(Path path, PosixFileAttributes attrs, UserPrincipal me) {
        if (!attrs.owner().getName().equals(me.getName()))
            throw new ConfigException(path + ": credentials file is owned by " + attrs.owner().getName() + ", not by "
                + me.getName() + "; refusing to use it. Fix: chown " + me.getName() + " " + path + " && chmod 600 " + path);
        if (FileModes.groupOrOtherCanAccess(attrs.permissions()))
            throw new ConfigException(path + ": credentials file is not private: mode " + FileModes.octal(attrs.permissions())
                + " lets " + others(attrs.permissions()) + "; refusing to use it. Fix: chmod 600 " + path);
    }

    /** "group read and others read, write" for the group and other bits of a mode. */
    static String others(Set<PosixFilePermission> perms) {
        List<String> who = new ArrayList<>();
        for (String klass : List.of("GROUP", "OTHERS")) {
            List<String> can = new ArrayList<>();
            for (String right : List.of("READ", "WRITE", "EXECUTE"))
                if (perms.contains(PosixFilePermission.valueOf(klass + "_" + right))) can.add(right.toLowerCase(Locale.ROOT));
            if (!can.isEmpty()) who.add((klass.equals("GROUP") ? "the group " : "others ") + String.join(", ", can));
        }
        return String.join(" and ", who);
    }

    static Map<String, String> parse(Path path, List<String> lines) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            if (line.startsWith("export ")) line = line.substring(7).strip();
            int eq = line.indexOf('=');
            if (eq <= 0) throw new ConfigException(path + ":" + (i + 1) + ": expected KEY=VALUE (contents not shown)");
            String key = line.substring(0, eq).strip();
            if (!key.matches("[A-Za-z_][A-Za-z0-9_]*"))
                throw new ConfigException(path + ":" + (i + 1) + ": the name before '=' is not a variable name (letters,"
                    + " digits, _; contents not shown)" + (key.indexOf(':') >= 0 ? ". Write KEY=VALUE, not KEY: VALUE" : ""));
            values.put(key, unquote(line.substring(eq + 1).strip()));
        }
        return values;
    }

    private static String unquote(String v) {
        if (v.length() >= 2 && (v.charAt(0) == '"' || v.charAt(0) == '\'') && v.charAt(v.length() - 1) == v.charAt(0))
            return v.substring(1, v.length() - 1);
        return v;
    }

}
