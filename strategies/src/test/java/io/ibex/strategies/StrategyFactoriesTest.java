package io.ibex.strategies;

import io.ibex.framework.error.ConfigException;
import io.ibex.framework.strategy.Params;
import io.ibex.framework.strategy.StrategyFactory;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StrategyFactoriesTest {
    @Test
    void theShippedStrategiesAreFoundByServiceLoader() {
        assertThat(ServiceLoader.load(StrategyFactory.class).stream().map(p -> p.get().name()))
            .containsExactlyInAnyOrder("sma-cross", "rsi-reversion", "bollinger-breakout", "breakout-bracket");
    }

    @Test
    void everyFactoryCreatesAStrategyFromItsDefaults() {
        for (StrategyFactory f : ServiceLoader.load(StrategyFactory.class)) {
            assertThat(f.create(Params.resolve(f.name(), f.params(), Map.of()))).as(f.name()).isNotNull();
            assertThat(f.description()).as(f.name()).isNotBlank();
        }
    }

    @Test
    void smaCrossRefusesAFastPeriodNotBelowTheSlowOne() {
        SmaCrossFactory f = new SmaCrossFactory();
        assertThatThrownBy(() -> f.create(Params.resolve("sma-cross", f.params(), Map.of("fast", "30", "slow", "10"))))
            .isInstanceOf(ConfigException.class).hasMessageContaining("fast (30) must be smaller than slow (10)");
        assertThatThrownBy(() -> f.create(Params.resolve("sma-cross", f.params(), Map.of("fast", "20", "slow", "20"))))
            .isInstanceOf(ConfigException.class);
    }

    @Test
    void rsiReversionRefusesOversoldNotBelowOverbought() {
        RsiReversionFactory f = new RsiReversionFactory();
        assertThatThrownBy(() -> f.create(Params.resolve("rsi-reversion", f.params(), Map.of("oversold", "50", "overbought", "50"))))
            .isInstanceOf(ConfigException.class).hasMessageContaining("oversold");
    }

    @Test
    void parametersOutsideTheirRangeAreRefusedByName() {
        SmaCrossFactory f = new SmaCrossFactory();
        assertThatThrownBy(() -> Params.resolve("sma-cross", f.params(), Map.of("slow", "0")))
            .isInstanceOf(ConfigException.class).hasMessageContaining("slow");
    }
}
