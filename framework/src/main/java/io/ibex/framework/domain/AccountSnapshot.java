package io.ibex.framework.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/** Cash, equity and positions of one account at one moment. The account id is masked in {@link #toString()}. */
public record AccountSnapshot(String accountId, String currency, BigDecimal cash, BigDecimal equity, List<Position> positions) {
    public AccountSnapshot {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(cash, "cash");
        Objects.requireNonNull(equity, "equity");
        positions = List.copyOf(positions);
    }

    /** {@code U1234567} becomes {@code U1****67}: account ids never reach a log whole. */
    public static String mask(String accountId) {
        if (accountId == null || accountId.length() <= 4) return "****";
        return accountId.substring(0, 2) + "****" + accountId.substring(accountId.length() - 2);
    }

    @Override public String toString() {
        return "AccountSnapshot[" + mask(accountId) + ", " + currency + " cash=" + cash + " equity=" + equity
            + ", positions=" + positions + "]";
    }
}
