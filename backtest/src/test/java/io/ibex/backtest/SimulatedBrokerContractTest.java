package io.ibex.backtest;

import io.ibex.framework.domain.Bars;
import io.ibex.framework.domain.Instrument;
import io.ibex.framework.port.Broker;
import io.ibex.framework.port.BrokerContract;
import io.ibex.framework.port.RecordingSink;

import java.math.BigDecimal;

/** The simulated broker passes the contract every broker passes. */
class SimulatedBrokerContractTest extends BrokerContract {
    private static final Bars BARS;
    static {
        double[][] rows = new double[30][];
        for (int i = 0; i < rows.length; i++) rows[i] = new double[]{100 + i, 101 + i, 99 + i, 100.5 + i};
        BARS = SampleBars.of(rows);
    }

    private SimulatedBroker broker;
    private int bar;

    @Override protected Broker brokerEmittingTo(RecordingSink sink) {
        broker = new SimulatedBroker(BARS, new Ledger(instrument(), new BigDecimal("100000")), BacktestConfig.NO_COMMISSION,
            BigDecimal.ZERO, sink);
        bar = 0;
        broker.advanceTo(0);
        return broker;
    }

    @Override protected Instrument instrument() { return BARS.instrument(); }

    @Override protected void advanceMarket() {
        broker.advanceTo(++bar);
        broker.fillAtBar();
    }

    @Override protected BigDecimal farBelowMarket() { return new BigDecimal("1"); }
}
