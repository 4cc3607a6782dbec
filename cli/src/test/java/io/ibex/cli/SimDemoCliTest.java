package io.ibex.cli;

import io.ibex.data.BarSources;
import io.ibex.framework.domain.Bars;
import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --gateway sim} serves the same market as {@code ibex gateway-sim}: AAPL priced from the shipped 2013 bars. */
class SimDemoCliTest {
    @Test void aaplIsPricedFromTheShippedSampleAsInGatewaySim() {
        Cli r = Cli.run("quote", "AAPL", "--gateway", "sim");
        assertThat(r.exitCode()).as(r.err()).isZero();
        Matcher m = Pattern.compile("AAPL +265598 +([0-9.]+)").matcher(r.out());
        assertThat(m.find()).as(r.out()).isTrue();
        double last = Double.parseDouble(m.group(1));
        Bars aapl = BarSources.load("sample:aapl-2013", null);
        double low = Double.MAX_VALUE, high = 0;
        for (int i = 0; i < aapl.size(); i++) {
            low = Math.min(low, aapl.low(i));
            high = Math.max(high, aapl.high(i));
        }
        assertThat(last).isBetween(low, high);
    }
}
