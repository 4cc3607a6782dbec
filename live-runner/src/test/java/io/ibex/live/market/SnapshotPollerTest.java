package io.ibex.live.market;

import io.ibex.framework.domain.Instrument;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SnapshotPollerTest {
    final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    @Test
    void fiveHundredInstrumentsGoInBatchesOfAHundredAndNeverMoreThanTheBudgetPerSecond() {
        List<Instrument> many = new ArrayList<>();
        for (int i = 0; i < 500; i++) many.add(Instrument.of("S" + i));
        List<Long> callTimes = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        SnapshotPoller p = new SnapshotPoller(many, 100, 6, batch -> {
            callTimes.add(nanos.get());
            sizes.add(batch.size());
            List<Quote> rows = new ArrayList<>();
            for (Instrument in : batch) rows.add(new Quote(in, 10, Double.NaN, Set.of(), nanos.get()));
            return rows;
        }, nanos::get);
        assertThat(p.batchCount()).isEqualTo(5);
        List<Quote> seen = new ArrayList<>();
        // a busy loop polling every 10 ms of fake time for 10 s
        for (int step = 0; step < 1_000; step++) {
            p.poll(seen::add);
            nanos.addAndGet(10_000_000L);
        }
        assertThat(sizes).containsOnly(100);
        for (int i = 0; i < callTimes.size(); i++) {
            int inWindow = 0;
            for (long t : callTimes) if (t >= callTimes.get(i) && t < callTimes.get(i) + 1_000_000_000L) inWindow++;
            assertThat(inWindow).as("calls in the 1 s window from call %d", i).isLessThanOrEqualTo(7);
        }
        // 6/s for 10 s is about 60 calls: each of the 5 batches refreshed about every 0.8 s
        assertThat(callTimes.size()).isBetween(59, 61);
        assertThat(seen).hasSize(callTimes.size() * 100);
    }

    @Test
    void budgetsAboveEightRequestsPerSecondAreRefused() {
        assertThatThrownBy(() -> new SnapshotPoller(List.of(Instrument.of("A")), 100, 10, b -> List.of(), nanos::get))
            .hasMessageContaining("(0, 8]");
        assertThatThrownBy(() -> new SnapshotPoller(List.of(Instrument.of("A")), 101, 5, b -> List.of(), nanos::get))
            .hasMessageContaining("1-100");
    }

    @Test
    void dataOlderThanTheMaxAgeIsStaleOnTheMonotonicClock() {
        StalenessGuard g = new StalenessGuard(5_000, nanos::get);
        Instrument a = Instrument.of("A");
        assertThat(g.view(a).flags()).containsExactly(QuoteFlag.STALE);
        g.onQuote(new Quote(a, 10, Double.NaN, Set.of(), nanos.get()));
        nanos.addAndGet(5_000_000_000L);
        assertThat(g.view(a).flags()).isEmpty();
        nanos.addAndGet(1_000_000L);
        assertThat(g.view(a).flags()).containsExactly(QuoteFlag.STALE);
        g.onQuote(new Quote(a, 10, Double.NaN, Set.of(QuoteFlag.PRIOR_CLOSE), nanos.get()));
        assertThat(g.view(a).flags()).containsExactly(QuoteFlag.PRIOR_CLOSE);
    }
}
