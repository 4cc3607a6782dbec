package io.ibex.sim;

/** Position of one account in one contract; mutable, guarded by the simulator's lock. */
final class SimPosition {
    final String acct;
    final long conid;
    double qty;
    double avgPrice;
    double realizedPnl;

    SimPosition(String acct, long conid) {
        this.acct = acct;
        this.conid = conid;
    }

    /** Applies a signed fill and returns the P&L it realised. */
    double apply(double signedQty, double price) {
        double realized = 0;
        if (qty == 0 || Math.signum(qty) == Math.signum(signedQty)) {
            double total = Math.abs(qty) + Math.abs(signedQty);
            avgPrice = (Math.abs(qty) * avgPrice + Math.abs(signedQty) * price) / total;
            qty += signedQty;
        } else {
            double closing = Math.min(Math.abs(qty), Math.abs(signedQty));
            realized = closing * (price - avgPrice) * Math.signum(qty);
            double newQty = qty + signedQty;
            if (newQty != 0 && Math.signum(newQty) != Math.signum(qty)) avgPrice = price;
            if (newQty == 0) avgPrice = 0;
            qty = newQty;
        }
        realizedPnl += realized;
        return realized;
    }

    SimPosition copy() {
        SimPosition p = new SimPosition(acct, conid);
        p.qty = qty;
        p.avgPrice = avgPrice;
        p.realizedPnl = realizedPnl;
        return p;
    }
}
