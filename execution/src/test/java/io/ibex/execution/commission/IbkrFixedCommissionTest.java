package io.ibex.execution.commission;

import io.ibex.framework.domain.Instrument;
import io.ibex.framework.domain.Side;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IbkrFixedCommissionTest {
    private static final Instrument AAPL = Instrument.of("AAPL");
    private final CommissionModel fixed = PerShareCommission.ibkrFixed();

    private BigDecimal charge(Side side, String shares, String price) {
        return fixed.commission(AAPL, side, new BigDecimal(shares), new BigDecimal(price));
    }

    @Test
    void theThreeExamplesPublishedOnIbkrsPageHoldExactly() {
        // 100 x 0.005 = 0.50 -> raised to the 1.00 minimum; 1% of 2,500 = 25 does not bind
        assertThat(charge(Side.BUY, "100", "25")).isEqualByComparingTo("1.00");
        // 1,000 x 0.005 = 5.00; 1% of 25,000 = 250 does not bind
        assertThat(charge(Side.BUY, "1000", "25")).isEqualByComparingTo("5.00");
        // 1,000 x 0.005 = 5.00, but 1% of 250 = 2.50 caps it
        assertThat(charge(Side.BUY, "1000", "0.25")).isEqualByComparingTo("2.50");
    }

    @Test
    void aSaleIsChargedLikeABuyBecauseFixedIncludesExchangeAndClearingFees() {
        assertThat(charge(Side.SELL, "1000", "25")).isEqualByComparingTo(charge(Side.BUY, "1000", "25"));
    }

    @Test
    void aboveTheMinimumThePerShareRateApplies() {
        // 300 x 0.005 = 1.50 > 1.00 minimum; cap 1% of 15,000 = 150
        assertThat(charge(Side.BUY, "300", "50")).isEqualByComparingTo("1.50");
    }

    @Test
    void theOnePercentCapWinsOverTheMinimumOnATinyOrder() {
        // 10 x 0.005 = 0.05 -> minimum 1.00 -> but 1% of 10 x 5 = 50 is 0.50
        assertThat(charge(Side.BUY, "10", "5")).isEqualByComparingTo("0.50");
    }

    @Test
    void amountsCarryTheLedgerScaleOfEightDecimals() {
        assertThat(charge(Side.BUY, "100", "25").scale()).isEqualTo(CommissionRounding.SCALE);
    }

    @Test
    void aZeroOrNegativeQuantityIsRejectedNamingTheInstrument() {
        assertThatThrownBy(() -> charge(Side.BUY, "0", "25"))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("AAPL").hasMessageContaining("> 0");
        assertThatThrownBy(() -> charge(Side.SELL, "-5", "25")).isInstanceOf(IllegalArgumentException.class);
    }
}
