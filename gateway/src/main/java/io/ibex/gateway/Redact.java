package io.ibex.gateway;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Masks IBKR account ids ({@code U1234567}, {@code DU1234567}, {@code F1234567}) in paths and messages. */
public final class Redact {
    private static final Pattern ACCOUNT = Pattern.compile("\\b(?:DU|DF|U|F)\\d{4,}\\b");

    private Redact() {}

    public static String accounts(String text) {
        if (text == null) return "";
        Matcher m = ACCOUNT.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) m.appendReplacement(out, Matcher.quoteReplacement(AccountId.mask(m.group())));
        m.appendTail(out);
        return out.toString();
    }

    /** The path of a full URL without query string, account ids masked: safe for logs and messages. */
    public static String endpoint(String url) {
        String s = url;
        int scheme = s.indexOf("://");
        if (scheme >= 0) {
            int slash = s.indexOf('/', scheme + 3);
            s = slash < 0 ? "/" : s.substring(slash);
        }
        int q = s.indexOf('?');
        if (q >= 0) s = s.substring(0, q);
        return accounts(s);
    }
}
