package io.ibex.strategies;

import io.ibex.framework.indicator.BollingerBands;
import io.ibex.framework.strategy.BarWindow;
import io.ibex.framework.strategy.Strategy;
import io.ibex.framework.strategy.StrategyContext;

/**
 * Breakout: buy when the close ends above the upper Bollinger band, sell when it falls back below the middle band.
 * Signals wait until the bands cover their full period.
 */
public final class BollingerBreakout implements Strategy {
    private final BollingerBands bands;

    public BollingerBreakout(int period, double k) { this.bands = new BollingerBands(period, k); }

    @Override
    public void onBar(BarWindow closed, StrategyContext ctx) {
        double close = closed.close(0);
        bands.update(close);
        if (!bands.isReady()) return;
        double position = ctx.position(closed.instrument());
        if (position == 0 && close > bands.upper()) {
            ctx.enterLong(closed);
        } else if (position > 0 && close < bands.middle()) {
            ctx.exit(closed.instrument());
        }
    }
}
