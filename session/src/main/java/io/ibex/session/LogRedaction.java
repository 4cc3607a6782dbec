package io.ibex.session;

import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * The process-wide redaction every log line passes through (wired into logback's {@code %msg} by the CLI): account ids
 * always become {@code U1****67}, and secrets registered here (the IBeam password, the IBKR username) become
 * {@code ****} or masked, wherever they appear. Global because the log is global.
 */
public final class LogRedaction {
    private static final Set<String> SECRETS = new CopyOnWriteArraySet<>();
    private static final Set<String> NAMES = new CopyOnWriteArraySet<>();

    private LogRedaction() {}

    /** Registers a secret (never logged) and a name (logged masked); either may be null. */
    public static void register(String secret, String name) {
        if (secret != null && secret.length() >= 3) SECRETS.add(secret);
        if (name != null && name.length() >= 3) NAMES.add(name);
    }

    public static String redact(String message) {
        if (message == null) return "";
        String out = message;
        for (String s : SECRETS) out = out.replace(s, "****");
        for (String n : NAMES) out = out.replace(n, AccountMask.mask(n));
        return Redactor.none().redact(out);
    }
}
