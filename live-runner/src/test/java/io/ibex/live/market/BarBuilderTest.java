package io.ibex.live.market;

import io.ibex.framework.domain.Instrument;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class BarBuilderTest {
    static final Instrument AAPL = Instrument.of("AAPL");
    static final long MIN = 60_000;
    final List<String> bars = new ArrayList<>();
    final BarBuilder builder = new BarBuilder(MIN, (in, t, o, h, l, c, v) -> bars.add(in + " " + t + " " + o + " " + h + " " + l + " " + c + " " + v));

    static Quote q(double last, double cumVol, QuoteFlag... flags) {
        return new Quote(AAPL, last, cumVol, flags.length == 0 ? Set.of() : EnumSet.of(flags[0], flags), 0);
    }

    @Test
    void aBarIsEmittedOnlyOnceTheClockPassesItsEnd() {
        builder.onQuote(q(10, 100), 0);
        builder.onQuote(q(12, 150), 20_000);
        builder.onQuote(q(9, 170), 40_000);
        builder.onQuote(q(11, 200), 59_999);
        builder.advanceTo(59_999);
        assertThat(bars).isEmpty();
        builder.advanceTo(60_000);
        assertThat(bars).containsExactly("AAPL 0 10.0 12.0 9.0 11.0 100.0");
    }

    @Test
    void priorCloseHaltedAndPreflightPricesNeverShapeABar() {
        builder.onQuote(q(10, Double.NaN), 1_000);
        builder.onQuote(q(50, Double.NaN, QuoteFlag.PRIOR_CLOSE), 2_000);
        builder.onQuote(q(1, Double.NaN, QuoteFlag.HALTED), 3_000);
        builder.onQuote(q(Double.NaN, Double.NaN, QuoteFlag.PREFLIGHT), 4_000);
        builder.advanceTo(MIN);
        assertThat(bars).containsExactly("AAPL 0 10.0 10.0 10.0 10.0 0.0");
    }

    @Test
    void aMinuteWithoutTradablePricesProducesNoInventedBar() {
        builder.onQuote(q(10, Double.NaN), 1_000);
        builder.onQuote(q(11, Double.NaN), MIN * 3 + 5);   // closes minute 0; minutes 1 and 2 had nothing
        builder.advanceTo(MIN * 4);
        assertThat(bars).containsExactly("AAPL 0 10.0 10.0 10.0 10.0 0.0", "AAPL 180000 11.0 11.0 11.0 11.0 0.0");
    }
}
