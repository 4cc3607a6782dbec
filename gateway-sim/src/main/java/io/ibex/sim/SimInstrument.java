package io.ibex.sim;

import java.util.Objects;

/**
 * A contract the simulator serves (gateway-simulator.md §3.2). Named {@code SimInstrument} so that it never clashes
 * with the framework's {@code Instrument} in client code.
 */
public final class SimInstrument {
    final long conid;
    final String symbol;
    final String companyName;
    final String listingExchange;
    String sector = "Technology";
    String group = "Computers";
    double tick = 0.01;
    int sizeDivisor = 1;
    String mdAvailability = "RpB";
    Double priorClose;
    PriceScript prices;

    private SimInstrument(long conid, String symbol, String companyName, String listingExchange) {
        this.conid = conid;
        this.symbol = Objects.requireNonNull(symbol, "symbol");
        this.companyName = Objects.requireNonNull(companyName, "companyName");
        this.listingExchange = Objects.requireNonNull(listingExchange, "listingExchange");
    }

    public static SimInstrument stock(long conid, String symbol, String companyName, String listingExchange) {
        return new SimInstrument(conid, symbol, companyName, listingExchange);
    }

    /** AAPL = 265598 on NASDAQ, the conid every IBKR example uses. */
    public static SimInstrument aapl() { return stock(265598, "AAPL", "APPLE INC", "NASDAQ"); }

    public static SimInstrument spy() { return stock(756733, "SPY", "SPDR S&P 500 ETF TRUST", "ARCA").sector("ETF", "Funds"); }

    public static SimInstrument ibkr() {
        return stock(43645865, "IBKR", "INTERACTIVE BROKERS GRO-CL A", "NASDAQ").sector("Financial", "Brokerage");
    }

    public static SimInstrument msft() { return stock(272093, "MSFT", "MICROSOFT CORP", "NASDAQ"); }

    public SimInstrument prices(PriceScript script) {
        this.prices = Objects.requireNonNull(script, "script");
        return this;
    }

    public SimInstrument priorClose(double price) {
        this.priorClose = price;
        return this;
    }

    /** 100 mimics the round-lot display of US stock sizes in older builds. */
    public SimInstrument sizeDivisor(int divisor) {
        if (divisor <= 0) throw new IllegalArgumentException("sizeDivisor must be > 0, was " + divisor);
        this.sizeDivisor = divisor;
        return this;
    }

    /** "RpB" real time (default), "DpB" delayed. */
    public SimInstrument mdAvailability(String code) {
        this.mdAvailability = Objects.requireNonNull(code, "code");
        return this;
    }

    public SimInstrument sector(String sector, String group) {
        this.sector = sector;
        this.group = group;
        return this;
    }

    public long conid() { return conid; }
    public String symbol() { return symbol; }
    public String companyName() { return companyName; }
    public String listingExchange() { return listingExchange; }
}
