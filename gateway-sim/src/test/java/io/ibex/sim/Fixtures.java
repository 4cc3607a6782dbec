package io.ibex.sim;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Shared simulator set-ups for tests: a manual clock inside New York RTH and step-driven AAPL prices. */
final class Fixtures {
    static final Instant MONDAY_10AM_NY = Instant.parse("2026-03-02T15:00:00Z");
    static final String ACCT = "DU1234567";
    static final long AAPL = 265598;

    private Fixtures() {}

    /** One tick per price: bid/ask one cent either side, 700 shares on each side. */
    static PriceScript path(double... lasts) {
        List<Tick> ticks = new ArrayList<>();
        long vol = 0;
        for (int i = 0; i < lasts.length; i++) {
            vol += 100;
            ticks.add(new Tick(MONDAY_10AM_NY.toEpochMilli() + i, lasts[i], PriceScript.round2(lasts[i] - 0.01),
                PriceScript.round2(lasts[i] + 0.01), 700, 700, 100, vol));
        }
        return PriceScript.ticks(ticks);
    }

    /** Authenticated, step-driven AAPL on the given path, pacing off; accounts already queried over HTTP. */
    static SimulatorBuilder stepped(double... lasts) {
        return GatewaySimulator.builder().clock(SimClock.manual(MONDAY_10AM_NY)).pacing(PacingMode.OFF)
            .initialSession(SessionState.AUTHENTICATED).stepDriven()
            .account(Account.paper(ACCT).cash("USD", 100_000))
            .instrument(SimInstrument.aapl().prices(path(lasts)));
    }

    static String order(String side, String type, double qty, Double price, String coid) {
        return "{\"acctId\":\"" + ACCT + "\",\"conid\":" + AAPL + ",\"orderType\":\"" + type + "\",\"side\":\"" + side
            + "\",\"quantity\":" + qty + (price == null ? "" : ",\"price\":" + price) + ",\"tif\":\"DAY\""
            + (coid == null ? "" : ",\"cOID\":\"" + coid + "\"") + "}";
    }
}
