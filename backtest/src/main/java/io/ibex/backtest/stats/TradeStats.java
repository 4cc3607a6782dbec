package io.ibex.backtest.stats;

import java.util.Objects;

/**
 * Statistics of closed round trips, from their net P&amp;L (after commission). A trade with pnl > 0 is a win;
 * pnl == 0 counts as neither win nor loss in the profit factor but as a non-win in the win rate.
 *
 * @param count        number of closed trades
 * @param winRate      wins / count (0 with no trades)
 * @param profitFactor gross profit / gross loss; 0 with no trades or no profit, +Infinity with profit and no loss
 * @param averageTrade mean pnl per trade (0 with no trades)
 */
public record TradeStats(int count, double winRate, double profitFactor, double averageTrade) {

    public static TradeStats of(double[] pnl) {
        Objects.requireNonNull(pnl, "pnl");
        if (pnl.length == 0) return new TradeStats(0, 0, 0, 0);
        int wins = 0;
        double grossProfit = 0;
        double grossLoss = 0;
        double sum = 0;
        for (double p : pnl) {
            if (p > 0) {
                wins++;
                grossProfit += p;
            } else {
                grossLoss -= p;
            }
            sum += p;
        }
        double profitFactor = grossLoss == 0
            ? (grossProfit > 0 ? Double.POSITIVE_INFINITY : 0)
            : grossProfit / grossLoss;
        return new TradeStats(pnl.length, (double) wins / pnl.length, profitFactor, sum / pnl.length);
    }
}
