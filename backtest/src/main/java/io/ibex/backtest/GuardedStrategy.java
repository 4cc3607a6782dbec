package io.ibex.backtest;

import io.ibex.framework.error.StrategyFailedException;
import io.ibex.framework.event.OrderEvent;
import io.ibex.framework.strategy.BarWindow;
import io.ibex.framework.strategy.Params;
import io.ibex.framework.strategy.Strategy;
import io.ibex.framework.strategy.StrategyContext;
import io.ibex.framework.strategy.StrategyFactory;

/**
 * A strategy whose exceptions say who failed and when: anything it throws from {@code onBar} or {@code onOrderEvent}
 * becomes a {@link StrategyFailedException} naming the strategy and the bar time, so a failing plugin is reported as
 * the plugin's failure, not as an ibex bug. A backtest stops at the first one (the live runner isolates them instead).
 */
public final class GuardedStrategy implements Strategy {
    private final String name;
    private final Strategy inner;

    private GuardedStrategy(String name, Strategy inner) {
        this.name = name;
        this.inner = inner;
    }

    /** The factory's strategy for {@code params}, guarded; a refusal by the factory itself propagates unchanged. */
    public static Strategy create(StrategyFactory factory, Params params) {
        return new GuardedStrategy(factory.name(), factory.create(params));
    }

    @Override public int lookback() { return inner.lookback(); }

    @Override public void onBar(BarWindow closed, StrategyContext ctx) {
        try {
            inner.onBar(closed, ctx);
        } catch (StrategyFailedException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new StrategyFailedException(name, closed.time(0), e);
        }
    }

    @Override public void onOrderEvent(OrderEvent event, StrategyContext ctx) {
        try {
            inner.onOrderEvent(event, ctx);
        } catch (StrategyFailedException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new StrategyFailedException(name, ctx.now(), e);
        }
    }
}
