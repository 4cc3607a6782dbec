package io.ibex.framework.domain;

import java.util.Objects;

/** Our own order id (IBKR's {@code cOID}); the idempotency key of every order. */
public record ClientOrderId(String value) implements Comparable<ClientOrderId> {
    public ClientOrderId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) throw new IllegalArgumentException("client order id must not be blank");
    }
    @Override public int compareTo(ClientOrderId o) { return value.compareTo(o.value); }
    @Override public String toString() { return value; }
}
