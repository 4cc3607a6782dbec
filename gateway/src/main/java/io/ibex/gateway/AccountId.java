package io.ibex.gateway;

import java.util.Objects;

/** An IBKR account id. {@link #toString()} masks it ({@code U1****67}) so logs never carry a full id. */
public record AccountId(String value) {
    public AccountId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) throw new IllegalArgumentException("account id must not be blank");
    }

    /** {@code U1234567 -> U1****67}. */
    public static String mask(String id) {
        if (id == null) return "null";
        return io.ibex.framework.domain.AccountSnapshot.mask(id);
    }

    @Override public String toString() { return mask(value); }
}
