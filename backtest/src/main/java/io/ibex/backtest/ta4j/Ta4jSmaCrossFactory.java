package io.ibex.backtest.ta4j;

import io.ibex.framework.error.ConfigException;
import io.ibex.framework.strategy.ParamSpec;
import io.ibex.framework.strategy.Params;
import io.ibex.framework.strategy.Strategy;
import io.ibex.framework.strategy.StrategyFactory;
import org.ta4j.core.BaseStrategy;
import org.ta4j.core.indicators.averages.SMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.rules.CrossedDownIndicatorRule;
import org.ta4j.core.rules.CrossedUpIndicatorRule;
import org.ta4j.core.rules.StopLossRule;

import java.util.List;

/**
 * {@code ta4j-sma-cross}: the shipped example of {@link Ta4jStrategyAdapter}: SMA cross written as Ta4j rules, with an
 * optional Ta4j {@link StopLossRule} ({@code stop=0} turns it off).
 */
public final class Ta4jSmaCrossFactory implements StrategyFactory {
    @Override public String name() { return "ta4j-sma-cross"; }

    @Override public String description() {
        return "Example Ta4j strategy through the adapter: long on a fast/slow SMA cross up, flat on the cross down or a stop-loss.";
    }

    @Override public List<ParamSpec> params() {
        return List.of(
            ParamSpec.integer("fast", 10, 1, 500, "fast SMA period"),
            ParamSpec.integer("slow", 30, 2, 1000, "slow SMA period"),
            ParamSpec.decimal("stop", 0, 0, 50, "Ta4j stop-loss in % below the entry (0 = none)"));
    }

    @Override public Strategy create(Params p) {
        int fast = p.intValue("fast"), slow = p.intValue("slow");
        double stop = p.doubleValue("stop");
        if (fast >= slow) throw new ConfigException("ta4j-sma-cross: fast (" + fast + ") must be below slow (" + slow + ")");
        return new Ta4jStrategyAdapter(series -> {
            ClosePriceIndicator close = new ClosePriceIndicator(series);
            SMAIndicator f = new SMAIndicator(close, fast), s = new SMAIndicator(close, slow);
            var exit = stop > 0 ? new CrossedDownIndicatorRule(f, s).or(new StopLossRule(close, stop))
                : new CrossedDownIndicatorRule(f, s);
            return new BaseStrategy(new CrossedUpIndicatorRule(f, s), exit);
        });
    }
}
