package io.ibex.execution;

import io.ibex.framework.domain.ClientOrderId;
import io.ibex.framework.domain.Fill;
import io.ibex.framework.domain.Instrument;
import io.ibex.framework.domain.OrderType;
import io.ibex.framework.domain.Side;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The one orders/trades writer: rows in DESIGN.md's format, round trips by the ledger's accounting in closing order. */
class RunCsvTest {
    static final Instrument A = Instrument.of("AAA"), B = Instrument.of("B,B");

    static Fill fill(String id, Instrument i, Side side, String qty, String price, String fee, long t) {
        return new Fill(id, new ClientOrderId("o-" + id), i, side, new BigDecimal(qty), new BigDecimal(price), new BigDecimal(fee), t);
    }

    @Test void roundTripsAreTheLedgersInTheOrderTheyClose() {
        List<Fill> fills = List.of(
            fill("1", A, Side.BUY, "10", "100", "1.00", 60_000),
            fill("2", B, Side.BUY, "5", "50", "1.00", 60_000),
            fill("3", B, Side.SELL, "5", "51", "1.00", 120_000),
            fill("4", A, Side.SELL, "15", "102", "1.50", 180_000),   // closes 10, opens a short of 5: the fee splits 10:5
            fill("5", A, Side.BUY, "5", "101", "0.50", 240_000));
        List<Trade> trips = RunCsv.roundTrips(fills);
        Ledger a = new Ledger(A, BigDecimal.ZERO);
        for (Fill f : fills) if (f.instrument().equals(A)) a.apply(f);
        assertThat(trips).extracting(t -> t.instrument().symbol()).containsExactly("B,B", "AAA", "AAA");
        assertThat(trips.subList(1, 3)).isEqualTo(a.trades());
        assertThat(trips.get(1).commission()).isEqualByComparingTo("2.00");      // 1.00 + 10/15 of 1.50
        assertThat(trips.get(2).side()).isEqualTo(Side.SELL);

        StringBuilder row = RunCsv.trade(new StringBuilder(), trips.get(0), true);
        assertThat(row.toString()).isEqualTo("1970-01-01T00:01:00Z,50,1970-01-01T00:02:00Z,51,long,5,3,2,\"B,B\"");
        StringBuilder order = RunCsv.order(new StringBuilder(), 60_000, "bt-1", "FILLED", Side.BUY, new BigDecimal("5.000"),
            OrderType.LMT, new BigDecimal("50.10"), BigDecimal.ZERO, "a, note", null, false);
        assertThat(order.toString()).isEqualTo("1970-01-01T00:01:00Z,bt-1,FILLED,BUY,5,LMT,50.1,0,\"a, note\"");
        assertThat(RunCsv.ordersHeader(true)).endsWith(",note,symbol");
    }
}
