package io.ibex.bench;

import io.ibex.execution.commission.CommissionLedger;
import io.ibex.execution.commission.CommissionModel;
import io.ibex.execution.commission.CommissionModels;
import io.ibex.framework.domain.Instrument;
import io.ibex.framework.domain.Side;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.math.BigDecimal;
import java.util.concurrent.TimeUnit;

/** Cost of pricing one fill: a whole order through the model, and a partial fill through the ledger. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CommissionBenchmark {
    private static final Instrument AAPL = Instrument.of("AAPL");
    private static final BigDecimal QUANTITY = new BigDecimal("137");
    private static final BigDecimal PRICE = new BigDecimal("187.43");

    @Param({"ibkr-fixed", "ibkr-tiered"})
    public String model;

    private CommissionModel commission;
    private CommissionLedger ledger;
    private long time;
    private int order;

    @Setup
    public void setUp() {
        commission = CommissionModels.parse(model);
        ledger = new CommissionLedger(commission);
        time = 1_700_000_000_000L;
    }

    @Benchmark
    public BigDecimal wholeOrder() {
        return commission.commission(AAPL, Side.SELL, QUANTITY, PRICE);
    }

    /** Two partial fills per order, then the order is forgotten: the ledger's steady state. */
    @Benchmark
    public BigDecimal partialFillThroughLedger() {
        String id = (order & 1) == 0 ? "a" : "b";
        BigDecimal charge = ledger.onFill(id, AAPL, Side.BUY, QUANTITY, PRICE, time++);
        if ((++order & 3) >= 2) ledger.orderDone(id);
        return charge;
    }
}
