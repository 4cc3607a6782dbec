package io.ibex.execution.commission;

import io.ibex.framework.domain.Instrument;
import io.ibex.framework.domain.Side;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommissionLedgerTest {
    private static final Instrument AAPL = Instrument.of("AAPL");

    private static long at(String iso) { return Instant.parse(iso).toEpochMilli(); }

    private static BigDecimal d(String s) { return new BigDecimal(s); }

    @Test
    void partialFillsOfOneOrderPayTheMinimumOnceAndSumToTheWholeOrdersCommission() {
        CommissionLedger ledger = new CommissionLedger(PerShareCommission.ibkrFixed());
        long t = at("2024-03-05T15:00:00Z");
        // f(100) = 1.00; f(200) = 1.00 (still the minimum) -> 0.00; f(1000) = 5.00 -> 4.00
        assertThat(ledger.onFill("o1", AAPL, Side.BUY, d("100"), d("25"), t)).isEqualByComparingTo("1.00");
        assertThat(ledger.onFill("o1", AAPL, Side.BUY, d("100"), d("25"), t + 1)).isEqualByComparingTo("0.00");
        assertThat(ledger.onFill("o1", AAPL, Side.BUY, d("800"), d("25"), t + 2)).isEqualByComparingTo("4.00");
        assertThat(ledger.total()).isEqualByComparingTo("5.00");
    }

    @Test
    void anOrderStillWorkingOnTheNextTradingDayPaysTheMinimumAgain() {
        CommissionLedger ledger = new CommissionLedger(PerShareCommission.ibkrFixed());
        ledger.onFill("gtc", AAPL, Side.BUY, d("100"), d("25"), at("2024-03-05T15:00:00Z"));
        assertThat(ledger.onFill("gtc", AAPL, Side.BUY, d("100"), d("25"), at("2024-03-06T15:00:00Z")))
            .isEqualByComparingTo("1.00");
        assertThat(ledger.total()).isEqualByComparingTo("2.00");
    }

    @Test
    void tieredRatesFollowMonthToDateVolumeAndResetWhenTheMonthChanges() {
        IbkrTieredCommission tiered = IbkrTieredCommission.ibkr();
        CommissionLedger ledger = new CommissionLedger(tiered);
        ledger.onFill("a", AAPL, Side.BUY, d("300000"), d("10"), at("2024-01-15T15:00:00Z"));
        assertThat(ledger.monthToDateVolume()).isEqualByComparingTo("300000");
        // the next order starts in the second tier (0.0020 a share)
        assertThat(ledger.onFill("b", AAPL, Side.BUY, d("1000"), d("10"), at("2024-01-16T15:00:00Z")))
            .isEqualByComparingTo(tiered.commission(AAPL, Side.BUY, d("1000"), d("10"), d("300000")));
        // February: back to the first tier
        assertThat(ledger.onFill("c", AAPL, Side.BUY, d("1000"), d("10"), at("2024-02-02T15:00:00Z")))
            .isEqualByComparingTo(tiered.commission(AAPL, Side.BUY, d("1000"), d("10")));
        assertThat(ledger.monthToDateVolume()).isEqualByComparingTo("1000");
    }

    @Test
    void theMonthIsTheExchangesMonthNotUtcs() {
        CommissionLedger ledger = new CommissionLedger(IbkrTieredCommission.ibkr());
        ledger.onFill("a", AAPL, Side.BUY, d("1000"), d("10"), at("2024-01-31T15:00:00Z"));
        // 04:30 UTC on Feb 1 is 23:30 on Jan 31 in New York: still January's volume
        ledger.onFill("b", AAPL, Side.BUY, d("1000"), d("10"), at("2024-02-01T04:30:00Z"));
        assertThat(ledger.monthToDateVolume()).isEqualByComparingTo("2000");
    }

    @Test
    void aFillFromAnEarlierMonthIsRejectedBecauseVolumeWouldBeWrong() {
        CommissionLedger ledger = new CommissionLedger(IbkrTieredCommission.ibkr());
        ledger.onFill("a", AAPL, Side.BUY, d("1000"), d("10"), at("2024-02-10T15:00:00Z"));
        assertThatThrownBy(() -> ledger.onFill("b", AAPL, Side.BUY, d("1"), d("10"), at("2024-01-10T15:00:00Z")))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("time order");
    }

    @Test
    void fillsAtDifferentPricesArePricedAtTheOrdersAveragePrice() {
        CommissionLedger ledger = new CommissionLedger(PerShareCommission.ibkrFixed());
        long t = at("2024-03-05T15:00:00Z");
        // 1,000 @ 0.20 then 1,000 @ 0.30: f(1000 @ 0.20) = min(5.00, 2.00) = 2.00;
        // f(2000 @ avg 0.25) = min(10.00, 1% of 500 = 5.00) = 5.00 -> second fill pays 3.00
        assertThat(ledger.onFill("o", AAPL, Side.BUY, d("1000"), d("0.20"), t)).isEqualByComparingTo("2.00");
        assertThat(ledger.onFill("o", AAPL, Side.BUY, d("1000"), d("0.30"), t)).isEqualByComparingTo("3.00");
    }
}
