package io.ibex.sim;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** A simulated IBKR account: id, paper or live, and starting cash per currency. */
public final class Account {
    private final String id;
    private final boolean paper;
    private final Map<String, BigDecimal> cash = new LinkedHashMap<>();

    private Account(String id, boolean paper) {
        this.id = Objects.requireNonNull(id, "id");
        this.paper = paper;
    }

    public static Account paper(String id) { return new Account(id, true); }

    public static Account live(String id) { return new Account(id, false); }

    public Account cash(String currency, double amount) {
        cash.put(currency, BigDecimal.valueOf(amount));
        return this;
    }

    public String id() { return id; }
    public boolean isPaper() { return paper; }
    public String baseCurrency() { return "USD"; }
    public String type() { return paper ? "DEMO" : "INDIVIDUAL"; }
    public Map<String, BigDecimal> startingCash() { return Map.copyOf(cash); }
}
