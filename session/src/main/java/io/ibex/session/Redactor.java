package io.ibex.session;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The redaction layer every line from IBeam (and every message built from its config) passes through before it is
 * logged or shown: known secrets become {@code ****}, IBKR account ids become {@code U1****67} (reliability P6).
 */
public final class Redactor {
    /** Live (U), paper (DU) and advisor (F, DF) account ids, as a whole word. */
    private static final Pattern ACCOUNT = Pattern.compile("\\b(?:DU|DF|U|F)\\d{5,9}\\b");

    private final List<String> secrets;
    private final List<String> accounts;

    private Redactor(List<String> secrets, List<String> accounts) {
        this.secrets = secrets;
        this.accounts = accounts;
    }

    /** @param password may be null or empty; @param account the IBKR username or account id, may be null */
    public static Redactor of(String password, String account) {
        List<String> s = new ArrayList<>();
        if (password != null && !password.isEmpty()) s.add(password);
        List<String> a = new ArrayList<>();
        if (account != null && !account.isEmpty()) a.add(account);
        return new Redactor(List.copyOf(s), List.copyOf(a));
    }

    public static Redactor none() { return new Redactor(List.of(), List.of()); }

    public String redact(String line) {
        if (line == null) return "";
        String out = line;
        for (String secret : secrets) out = out.replace(secret, "****");
        for (String account : accounts) out = out.replace(account, AccountMask.mask(account));
        Matcher m = ACCOUNT.matcher(out);
        return m.find() ? m.replaceAll(r -> Matcher.quoteReplacement(AccountMask.mask(r.group()))) : out;
    }
}
