package io.ibex.cli.replay;

import io.ibex.framework.domain.Bars;
import io.ibex.framework.domain.ClientOrderId;
import io.ibex.framework.domain.Instrument;
import io.ibex.framework.domain.OrderRequest;
import io.ibex.framework.domain.Side;
import io.ibex.live.runner.BrokerExecution;
import io.ibex.live.runner.SubmitOutcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The replay venue that is the gateway simulator, driven over real HTTPS through GatewayOrders. */
class SimulatorReplayTest {
    static final Instrument AAPL = Instrument.of("AAPL");
    static final long DAY = 86_400_000L;
    static final long T0 = Instant.parse("2013-01-05T00:00:00Z").toEpochMilli();   // a Saturday: RTH does not apply

    Bars bars;
    ReplayClock clock;
    SimulatorReplay replay;

    @BeforeEach void start() {
        bars = Bars.builder(AAPL, "test")
            .add(T0, 100.00, 101.00, 99.00, 100.50, 1_000)
            .add(T0 + DAY, 102.37, 104.00, 101.00, 103.00, 1_000)
            .add(T0 + 3 * DAY, 98.11, 99.00, 97.00, 98.50, 1_000)
            .build();
        clock = new ReplayClock(T0);
        replay = SimulatorReplay.start(bars, new BigDecimal("100000"), io.ibex.sim.SimCommission.IBKR_LIKE, clock);
    }

    @AfterEach void stop() { replay.close(); }

    @Test
    void aMarketOrderSentOnABarsCloseRestsUntilTheNextBarAndFillsAtItsOpenWithZeroSpread() {
        replay.openBar(bars, 0);
        SubmitOutcome placed = replay.orders().submit(OrderRequest.market(new ClientOrderId("r-1"), AAPL, Side.BUY, BigDecimal.TEN));
        assertThat(placed).isInstanceOf(SubmitOutcome.Placed.class);
        assertThat(replay.orders().executions()).as("no fill on the bar the order was decided on").isEmpty();

        replay.openBar(bars, 1);

        List<BrokerExecution> fills = replay.orders().executions();
        assertThat(fills).hasSize(1);
        assertThat(fills.get(0).orderRef()).isEqualTo("r-1");
        assertThat(fills.get(0).price()).isEqualByComparingTo("102.37");
        assertThat(fills.get(0).timeMillis()).isEqualTo(T0 + DAY);
        assertThat(fills.get(0).quantity()).isEqualByComparingTo("10");
    }

    @Test
    void aSellAfterAWeekendGapFillsAtTheFirstBarAfterTheGapAndTheSessionSurvivesTheDays() {
        replay.openBar(bars, 0);
        replay.openBar(bars, 1);
        replay.orders().submit(OrderRequest.market(new ClientOrderId("r-2"), AAPL, Side.SELL, BigDecimal.ONE));

        replay.openBar(bars, 2);

        assertThat(replay.orders().executions()).singleElement().satisfies(x -> {
            assertThat(x.side()).isEqualTo(Side.SELL);
            assertThat(x.price()).isEqualByComparingTo("98.11");
            assertThat(x.timeMillis()).isEqualTo(T0 + 3 * DAY);
        });
    }
}
