package io.ibex.session.alert;

import io.ibex.session.AlertSink;
import io.ibex.session.Scheduler;
import io.ibex.session.SessionListener;
import io.ibex.session.SessionState;
import java.time.Duration;

/**
 * Raises {@link AlertEvent#SESSION_DOWN} when the session has stayed down for {@code after} (the nightly reset window
 * does not count), and resolves every session alert when it is authenticated again.
 */
public final class SessionDownWatch implements SessionListener {
    private final Scheduler scheduler;
    private final Duration after;
    private final AlertSink alerts;
    private long episode;
    private boolean down;
    private String lastReason = "";

    public SessionDownWatch(Scheduler scheduler, Duration after, AlertSink alerts) {
        this.scheduler = scheduler;
        this.after = after;
        this.alerts = alerts;
    }

    @Override public synchronized void onSessionStateChanged(SessionState from, SessionState to, String reason) {
        lastReason = reason;
        if (to == SessionState.AUTHENTICATED || to == SessionState.RESET_WINDOW || to == SessionState.STARTING) {
            episode++;
            down = false;
            if (to == SessionState.AUTHENTICATED) {
                for (AlertEvent e : AlertEvent.SESSION) alerts.resolve(e, "", "gateway session authenticated again");
            }
            return;
        }
        if (down) return;
        down = true;
        long mine = ++episode;
        scheduler.schedule(after, () -> check(mine));
    }

    private synchronized void check(long mine) {
        if (!down || mine != episode) return;
        alerts.raise(AlertEvent.SESSION_DOWN, "", "gateway session down for more than " + after.toMinutes() + " min ("
            + lastReason + "); orders are paused. Fix: ibex auth status shows why; ibex auth login logs in again");
    }
}
