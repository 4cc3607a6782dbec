package io.ibex.execution;

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
        Bars.Builder b = Bars.builder(Instrument.of("TEST"), "test");
        long day = 86_400_000L, t0 = 1_577_836_800_000L;                 // 2020-01-01T00:00Z
        for (int i = 0; i < 30; i++) b.add(t0 + i * day, 100 + i, 101 + i, 99 + i, 100.5 + i, 1000);
        BARS = b.build();
    }

    private SimulatedBroker broker;
    private int bar;

    @Override protected Broker brokerEmittingTo(RecordingSink sink) {
        broker = new SimulatedBroker(BARS, new Ledger(instrument(), new BigDecimal("100000")), io.ibex.execution.commission.NoCommission.INSTANCE,
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
