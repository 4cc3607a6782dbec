package io.ibex.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.ibex.session.alert.AlertEvent;
import io.ibex.session.alert.SessionDownWatch;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** "Session down longer than N minutes" on virtual time, and the resolve of every session alert when it is back. */
class SessionDownWatchTest {
    private final VirtualTime time = new VirtualTime(Instant.parse("2026-12-02T15:00:00Z"));
    private final List<String> said = new ArrayList<>();
    private final AlertSink sink = new AlertSink() {
        @Override public void alert(String message) { said.add("alert " + message); }
        @Override public void notice(String message) { said.add("notice " + message); }
        @Override public void raise(AlertEvent event, String subject, String message) { said.add("raise " + event.id() + ": " + message); }
        @Override public void resolve(AlertEvent event, String subject, String message) { said.add("resolve " + event.id()); }
    };
    private final SessionDownWatch watch = new SessionDownWatch(time, Duration.ofMinutes(5), sink);

    @Test
    void raisesOnceWhenTheSessionStaysDownPastTheLimit() {
        watch.onSessionStateChanged(SessionState.AUTHENTICATED, SessionState.REAUTHENTICATING, "tickle failed");
        time.advance(Duration.ofMinutes(2));
        watch.onSessionStateChanged(SessionState.REAUTHENTICATING, SessionState.LOGIN_REQUIRED, "2FA approval timed out");
        time.advance(Duration.ofMinutes(2));
        assertThat(said).isEmpty();
        time.advance(Duration.ofMinutes(2));
        assertThat(said).containsExactly("raise session_down: gateway session down for more than 5 min (2FA approval timed out);"
            + " orders are paused. Fix: ibex auth status shows why; ibex auth login logs in again");
        time.advance(Duration.ofMinutes(30));
        assertThat(said).hasSize(1);
    }

    @Test
    void aSessionBackInTimeRaisesNothingAndResolvesEverySessionAlert() {
        watch.onSessionStateChanged(SessionState.AUTHENTICATED, SessionState.GATEWAY_DOWN, "refused");
        time.advance(Duration.ofMinutes(4));
        watch.onSessionStateChanged(SessionState.GATEWAY_DOWN, SessionState.AUTHENTICATED, "tickle healthy");
        time.advance(Duration.ofMinutes(10));
        assertThat(said).allMatch(s -> s.startsWith("resolve ")).hasSize(AlertEvent.SESSION.size()).contains("resolve session_down",
            "resolve ibkey_approval_needed", "resolve login_needed");
    }

    @Test
    void theNightlyResetWindowDoesNotCount() {
        watch.onSessionStateChanged(SessionState.AUTHENTICATED, SessionState.RESET_WINDOW, "no session inside the window");
        time.advance(Duration.ofMinutes(60));
        assertThat(said).isEmpty();
        watch.onSessionStateChanged(SessionState.RESET_WINDOW, SessionState.LOGIN_REQUIRED, "no session");
        time.advance(Duration.ofMinutes(5));
        assertThat(said).singleElement().asString().startsWith("raise session_down");
    }
}
