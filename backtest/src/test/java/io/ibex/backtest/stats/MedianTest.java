package io.ibex.backtest.stats;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

class MedianTest {
    @Test
    void theSpacingMedianEqualsTheMedianOfTheSortedGaps() {
        qt().withExamples(5_000).forAll(lists().of(integers().between(0, 20)).ofSizeBetween(1, 60)).checkAssert(steps -> {
            long[] time = new long[steps.size() + 1];
            for (int i = 0; i < steps.size(); i++) time[i + 1] = time[i] + steps.get(i) * 60_000L;
            long[] gaps = new long[steps.size()];
            for (int i = 0; i < gaps.length; i++) gaps[i] = time[i + 1] - time[i];
            Arrays.sort(gaps);
            int k = gaps.length / 2;
            double expected = gaps.length % 2 == 1 ? gaps[k] : (gaps[k - 1] + (double) gaps[k]) / 2;
            assertThat(Median.spacing(time)).isEqualTo(expected);
        });
    }
}
