package io.ibex.cli.live;

import io.ibex.framework.domain.Instrument;
import io.ibex.live.journal.OrderJournal;
import io.ibex.live.market.StalenessGuard;
import io.ibex.live.risk.MarketView;
import io.ibex.live.runner.ExposureBook;

import java.util.List;

/** One line of state: session, strategy, per instrument position / open orders / data age. */
final class StatusLine {
    private StatusLine() {}

    /** @param reconcileNote empty, or why trading is paused (a reconciliation due or failing) */
    static String render(boolean connected, String reconcileNote, boolean strategyFailed, List<Instrument> instruments,
                         ExposureBook exposure, OrderJournal journal, StalenessGuard guard) {
        StringBuilder b = new StringBuilder(connected ? "session CONNECTED" : "session DISCONNECTED");
        if (!reconcileNote.isEmpty()) b.append(" | ").append(reconcileNote);
        b.append(strategyFailed ? " | strategy FAILED" : " | strategy RUNNING");
        b.append(" | open orders ").append(journal.openIntents().size());
        for (Instrument in : instruments) {
            MarketView v = guard.view(in);
            b.append(" | ").append(in).append(" pos ").append(exposure.position(in).toPlainString())
                .append(" last ").append(Double.isNaN(v.last()) ? "-" : Double.toString(v.last()))
                .append(" age ").append(v.ageMillis() == Long.MAX_VALUE ? "-" : (v.ageMillis() / 1000.0) + "s");
            if (!v.flags().isEmpty()) b.append(' ').append(v.flags());
        }
        return b.toString();
    }
}
