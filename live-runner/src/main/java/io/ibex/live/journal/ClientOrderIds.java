package io.ibex.live.journal;

import io.ibex.framework.domain.ClientOrderId;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/**
 * cOID = {@code <runnerId>-<ET date yyyyMMdd>-<journal seq>} (P1). The date is there because IBKR (like FIX ClOrdID) keeps
 * cOIDs unique for a day; the sequence comes from the journal, so a clock that jumps back cannot repeat an id. The runner
 * id is made once per journal, when the journal is created: the caller's prefix (1-8 letters or digits, e.g. {@code ibex})
 * plus {@link #SUFFIX_LENGTH} random characters, so two journals never issue the same cOID even on the same day
 * (issue 17.2). At most {@link #MAX_LENGTH} characters up to sequence 99,999,999.
 */
public final class ClientOrderIds {
    public static final ZoneId EXCHANGE_ZONE = ZoneId.of("America/New_York");
    public static final int SUFFIX_LENGTH = 6;
    public static final int MAX_LENGTH = 32;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9]{1,8}");
    private static final Pattern RUNNER_ID = Pattern.compile("[A-Za-z0-9]{1,8}[a-z0-9]{" + SUFFIX_LENGTH + "}");
    private static final String ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private ClientOrderIds() {}

    public static String checkPrefix(String prefix) {
        if (prefix == null || !PREFIX.matcher(prefix).matches())
            throw new IllegalArgumentException("runner prefix '" + prefix + "' must be 1-8 letters or digits (it starts every cOID)");
        return prefix;
    }

    /** A fresh runner id for a new journal: {@code prefix} plus random lowercase letters and digits. */
    public static String newRunnerId(String prefix) {
        StringBuilder b = new StringBuilder(checkPrefix(prefix));
        for (int i = 0; i < SUFFIX_LENGTH; i++) b.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        return b.toString();
    }

    /** A runner id read back from a journal; anything else means the file was edited or corrupted. */
    static boolean isRunnerId(String runnerId) { return runnerId != null && RUNNER_ID.matcher(runnerId).matches(); }

    public static ClientOrderId of(String runnerId, Instant at, long seq) {
        return new ClientOrderId(runnerId + "-" + DAY.format(at.atZone(EXCHANGE_ZONE)) + "-" + seq);
    }

    /** True for ids this runner made; anything else on the account is a foreign order. */
    public static boolean isOurs(String runnerId, String orderRef) {
        return orderRef != null && orderRef.startsWith(runnerId + "-");
    }
}
