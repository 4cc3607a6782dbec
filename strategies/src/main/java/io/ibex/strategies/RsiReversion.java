package io.ibex.strategies;

import io.ibex.framework.indicator.Rsi;
import io.ibex.framework.strategy.BarWindow;
import io.ibex.framework.strategy.Strategy;
import io.ibex.framework.strategy.StrategyContext;

/**
 * Mean reversion on Wilder's RSI of the close: buy when RSI falls below {@code oversold}, sell when it rises above
 * {@code overbought}. Signals wait until the RSI has seen its full period.
 */
public final class RsiReversion implements Strategy {
    private final Rsi rsi;
    private final double oversold;
    private final double overbought;

    public RsiReversion(int period, double oversold, double overbought) {
        if (!(oversold < overbought))
            throw new IllegalArgumentException("oversold " + oversold + " must be below overbought " + overbought);
        this.rsi = new Rsi(period);
        this.oversold = oversold;
        this.overbought = overbought;
    }

    @Override
    public void onBar(BarWindow closed, StrategyContext ctx) {
        double value = rsi.update(closed.close(0));
        if (!rsi.isReady()) return;
        double position = ctx.position(closed.instrument());
        if (position == 0 && value < oversold) {
            ctx.enterLong(closed);
        } else if (position > 0 && value > overbought) {
            ctx.exit(closed.instrument());
        }
    }
}
