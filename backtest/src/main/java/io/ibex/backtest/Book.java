package io.ibex.backtest;

import io.ibex.execution.Ledger;
import io.ibex.execution.CashAccount;
import io.ibex.framework.domain.Instrument;

/**
 * What the instruments of a portfolio run share: one cash account, every instrument's ledger and last close (for
 * marking), and the order numbers, so order ids stay unique across instruments.
 */
final class Book {
    private final CashAccount account;
    private final Ledger[] ledgers;
    private final double[] lastClose;
    private long nextOrderNumber = 1;

    Book(CashAccount account, Ledger[] ledgers) {
        this.account = account;
        this.ledgers = ledgers;
        this.lastClose = new double[ledgers.length];
    }

    void mark(int instrument, double close) { lastClose[instrument] = close; }

    double lastClose(int instrument) { return lastClose[instrument]; }

    long nextOrderNumber() { return nextOrderNumber++; }

    /** Cash plus every position at its instrument's last close; an instrument with no bar yet holds nothing. */
    double equity() {
        double e = account.cashValue();
        for (int k = 0; k < ledgers.length; k++) {
            double q = ledgers[k].positionValue();
            if (q != 0) e += q * lastClose[k];
        }
        return e;
    }

    double position(Instrument instrument) {
        for (Ledger l : ledgers) if (l.instrument().equals(instrument)) return l.positionValue();
        return 0;
    }
}
