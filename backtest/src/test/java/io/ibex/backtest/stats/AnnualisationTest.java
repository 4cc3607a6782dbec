package io.ibex.backtest.stats;

import io.ibex.data.BarSources;
import io.ibex.framework.domain.Bars;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class AnnualisationTest {
    private static final long MINUTE = 60_000L;

    private static long[] toArray(List<Long> times) {
        return times.stream().mapToLong(Long::longValue).toArray();
    }

    private static long utc(LocalDate day, int hour, int minute) {
        return day.atTime(hour, minute).toInstant(ZoneOffset.UTC).toEpochMilli();
    }

    /** Weekday closes only (2024-01-01 was a Monday). */
    private static long[] weekdays(int count, LocalDate from) {
        List<Long> t = new ArrayList<>();
        for (LocalDate d = from; t.size() < count; d = d.plusDays(1))
            if (d.getDayOfWeek().getValue() <= 5) t.add(utc(d, 21, 0));
        return toArray(t);
    }

    @Test
    void dailyStockBarsWithWeekendGapsGive252() {
        assertThat(Annualisation.periodsPerYear(weekdays(60, LocalDate.of(2024, 1, 1)))).isEqualTo(252);
    }

    @Test
    void dailyCryptoBarsThatIncludeWeekendsGive365() {
        long[] t = new long[60];
        for (int i = 0; i < t.length; i++) t[i] = utc(LocalDate.of(2024, 1, 1).plusDays(i), 0, 0);
        assertThat(Annualisation.periodsPerYear(t)).isEqualTo(365);
    }

    @Test
    void regularHoursFiveMinuteStockBarsGive78BarsTimes252Days() {
        List<Long> t = new ArrayList<>();
        for (long day : weekdays(5, LocalDate.of(2024, 3, 4)))   // a Monday, bars 14:35 .. 21:00 UTC
            for (int i = 1; i <= 78; i++) t.add(day - 6 * 3_600_000L - 30 * MINUTE + i * 5 * MINUTE);
        assertThat(Annualisation.periodsPerYear(toArray(t))).isEqualTo(78 * 252);
    }

    @Test
    void roundTheClockFiveMinuteCryptoBarsGive288BarsTimes365Days() {
        long start = Instant.parse("2023-01-06T00:00:00Z").toEpochMilli();    // a Friday: includes a weekend
        long[] t = new long[288 * 4];
        for (int i = 0; i < t.length; i++) t[i] = start + i * 5 * MINUTE;
        assertThat(Annualisation.periodsPerYear(t)).isEqualTo(288 * 365);
    }

    @Test
    void weeklyAndMonthlyBarsGive52And12() {
        long week = 7 * Annualisation.DAY_MILLIS;
        assertThat(Annualisation.periodsPerYear(new long[]{0, week, 2 * week, 3 * week})).isEqualTo(52);
        long[] months = new long[13];
        for (int i = 0; i < months.length; i++) months[i] = utc(LocalDate.of(2023, 1, 31).plusMonths(i), 21, 0);
        assertThat(Annualisation.periodsPerYear(months)).isEqualTo(12);
    }

    @Test
    void aHolidayGapDoesNotMoveTheMedian() {
        long[] all = weekdays(30, LocalDate.of(2024, 1, 1));
        long[] t = new long[all.length - 1];          // drop a Wednesday: one 2-day gap among 1- and 3-day gaps
        System.arraycopy(all, 0, t, 0, 7);
        System.arraycopy(all, 8, t, 7, all.length - 8);
        assertThat(Annualisation.periodsPerYear(t)).isCloseTo(252, within(0.0));
    }

    @Test
    void theShippedSamplesGetTheirMarketsYear() {
        assertThat(Annualisation.periodsPerYear(times(BarSources.load("sample:aapl-2013", null)))).isEqualTo(252);
        // 2023-03-13..15 is Monday to Wednesday: no weekend bars, but 288 bars cover every day's 24 hours
        assertThat(Annualisation.periodsPerYear(times(BarSources.load("sample:eth-5m-2023", null)))).isEqualTo(288 * 365);
        assertThat(Annualisation.periodsPerYear(times(BarSources.load("sample:btc-ticks-2013", null))))
            .isEqualTo(288 * 365);
    }

    private static long[] times(Bars bars) {
        long[] t = new long[bars.size()];
        for (int i = 0; i < t.length; i++) t[i] = bars.time(i);
        return t;
    }

    @Test
    void unsortedTimestampsAreRejectedNamingTheIndex() {
        assertThatThrownBy(() -> Annualisation.periodsPerYear(new long[]{0, 10, 5}))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("timeMillis[2]");
    }
}
