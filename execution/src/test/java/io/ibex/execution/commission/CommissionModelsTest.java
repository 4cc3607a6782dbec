package io.ibex.execution.commission;

import io.ibex.framework.domain.Instrument;
import io.ibex.framework.domain.Side;
import io.ibex.framework.error.ConfigException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommissionModelsTest {
    private static final Instrument BTC = Instrument.of("BTC-USD");

    @Test
    void theNamedModelsParseToTheirSchedules() {
        assertThat(CommissionModels.parse("none")).isSameAs(NoCommission.INSTANCE);
        assertThat(CommissionModels.parse(" IBKR-Fixed ")).isEqualTo(PerShareCommission.ibkrFixed());
        assertThat(CommissionModels.parse("ibkr-tiered")).isEqualTo(IbkrTieredCommission.ibkr());
    }

    @Test
    void perShareTakesARateAndOptionallyAMinimumAndACap() {
        assertThat(CommissionModels.parse("per-share:0.005")).isEqualTo(
            new PerShareCommission(new BigDecimal("0.005"), BigDecimal.ZERO, BigDecimal.ONE));
        CommissionModel m = CommissionModels.parse("per-share:0.01:2:0.005");
        // 100 x 0.01 = 1.00 -> minimum 2.00 -> cap 0.5% of 100 x 30 = 15 does not bind
        assertThat(m.commission(BTC, Side.BUY, new BigDecimal("100"), new BigDecimal("30")))
            .isEqualByComparingTo("2.00");
    }

    @Test
    void percentIsInBasisPointsOfTradeValue() {
        CommissionModel m = CommissionModels.parse("percent:5");
        // 0.5 x 20,000 = 10,000 traded; 5 bp = 0.0005 -> 5.00
        assertThat(m.commission(BTC, Side.SELL, new BigDecimal("0.5"), new BigDecimal("20000")))
            .isEqualByComparingTo("5.00");
    }

    @Test
    void anUnknownNameFailsListingTheValidOnes() {
        assertThatThrownBy(() -> CommissionModels.parse("ibkr"))
            .isInstanceOf(ConfigException.class)
            .hasMessageContaining("'ibkr'").hasMessageContaining("unknown")
            .hasMessageContaining("none, ibkr-fixed, ibkr-tiered, per-share:RATE");
    }

    @Test
    void badNumbersAndArgumentCountsFailWithTheReason() {
        assertThatThrownBy(() -> CommissionModels.parse("per-share:abc"))
            .isInstanceOf(ConfigException.class).hasMessageContaining("'abc' is not a number");
        assertThatThrownBy(() -> CommissionModels.parse("percent:-1"))
            .isInstanceOf(ConfigException.class).hasMessageContaining(">= 0");
        assertThatThrownBy(() -> CommissionModels.parse("ibkr-fixed:2"))
            .isInstanceOf(ConfigException.class).hasMessageContaining("takes no arguments");
        assertThatThrownBy(() -> CommissionModels.parse("percent"))
            .isInstanceOf(ConfigException.class).hasMessageContaining("percent:5");
    }
}
