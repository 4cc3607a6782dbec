package io.ibex.live.journal;

import io.ibex.framework.domain.ClientOrderId;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/**
 * cOID = {@code <runnerId>-<ET date yyyyMMdd>-<journal seq>} (P1). The date is there because IBKR (like FIX ClOrdID) keeps
 * cOIDs unique for a day; the sequence comes from the journal, so a clock that jumps back cannot repeat an id.
 */
public final class ClientOrderIds {
    public static final ZoneId EXCHANGE_ZONE = ZoneId.of("America/New_York");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final Pattern RUNNER_ID = Pattern.compile("[A-Za-z0-9]{1,16}");

    private ClientOrderIds() {}

    public static String checkRunnerId(String runnerId) {
        if (runnerId == null || !RUNNER_ID.matcher(runnerId).matches())
            throw new IllegalArgumentException("runner id '" + runnerId + "' must be 1-16 letters or digits (it prefixes every cOID)");
        return runnerId;
    }

    public static ClientOrderId of(String runnerId, Instant at, long seq) {
        return new ClientOrderId(runnerId + "-" + DAY.format(at.atZone(EXCHANGE_ZONE)) + "-" + seq);
    }

    /** True for ids this runner made; anything else on the account is a foreign order. */
    public static boolean isOurs(String runnerId, String orderRef) {
        return orderRef != null && orderRef.startsWith(runnerId + "-");
    }
}
