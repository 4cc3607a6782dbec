package io.ibex.backtest.stats;

/**
 * Result of combinatorially symmetric cross-validation.
 *
 * @param pbo          probability of backtest overfitting: the share of splits whose logit is <= 0
 * @param logits       one logit per split, {@code ln(w / (1 - w))} with w the out-of-sample relative rank of the
 *                     in-sample winner; in the order the splits are enumerated (lexicographic in-sample block sets)
 * @param partitions   S, the number of blocks the rows were cut into
 * @param rowsUsed     rows used: the oldest {@code T mod S} rows are dropped so that blocks are equal
 */
public record PboResult(double pbo, double[] logits, int partitions, int rowsUsed) {
    public PboResult {
        logits = logits.clone();
    }

    @Override public double[] logits() { return logits.clone(); }

    /** Number of in-sample / out-of-sample splits, C(S, S/2). */
    public int splits() { return logits.length; }
}
