package io.ibex.sim;

import io.ibex.data.BarSources;

import java.time.Duration;

/**
 * What every demo simulator serves, so {@code ibex gateway-sim} and {@code --gateway sim} agree: the paper account
 * DU1234567 with 1,000,000 USD, AAPL replayed from recorded bars (the shipped AAPL 2013 by default, one tick per
 * second, looped) and SPY/IBKR/MSFT on seeded random walks, all markets open whatever the time of day.
 */
public final class DemoMarket {
    public static final String AAPL_DATA = "sample:aapl-2013";
    private static final long[] CONIDS = {265598, 756733, 43645865, 272093};

    private DemoMarket() {}

    /** AAPL priced from the shipped sample. */
    public static SimulatorBuilder builder(long seed) {
        return builder(seed, PriceScript.replay(BarSources.load(AAPL_DATA, null), Duration.ofSeconds(1)));
    }

    public static SimulatorBuilder builder(long seed, PriceScript aapl) {
        return GatewaySimulator.builder().seed(seed)
            .account(Account.paper("DU1234567").cash("USD", 1_000_000))
            .instrument(SimInstrument.aapl().prices(aapl))
            .instrument(SimInstrument.spy().prices(PriceScript.randomWalk(seed + 1, 470.00, 3)))
            .instrument(SimInstrument.ibkr().prices(PriceScript.randomWalk(seed + 2, 95.00, 5)))
            .instrument(SimInstrument.msft().prices(PriceScript.randomWalk(seed + 3, 415.00, 4)));
    }

    /** A demo should fill orders whenever it is tried, not only during New York trading hours. */
    public static GatewaySimulator openAll(GatewaySimulator sim) {
        for (long conid : CONIDS) sim.market(conid).setClosed(false);
        return sim;
    }
}
