package io.ibex.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionKeeperTest {
    // 14:30 UTC on a Monday = 09:30 New York, far from the reset window
    private final VirtualTime time = new VirtualTime(Instant.parse("2026-03-02T14:30:00Z"));
    private final ScriptedGateway gateway = new ScriptedGateway();
    private final RecordingAlerts alerts = new RecordingAlerts();
    private final List<String> transitions = new ArrayList<>();

    private SessionKeeper keeper(KeeperConfig config) {
        SessionKeeper k = new SessionKeeper(gateway, gateway, time, time, config, alerts);
        k.addListener((from, to, reason) -> transitions.add(from + "->" + to));
        k.start();
        return k;
    }

    @Test
    void anIdleSessionIsTickledOncePerMinuteForHours() {
        SessionKeeper k = keeper(KeeperConfig.defaults());
        time.advance(Duration.ofHours(6));
        assertThat(gateway.count("tickle")).isEqualTo(6 * 60 + 1);
        assertThat(k.state()).isEqualTo(SessionState.AUTHENTICATED);
        assertThat(alerts.alerts).isEmpty();
    }

    @Test
    void accountsIsTheFirstCallAfterAuthenticationAndHooksRunAfterIt() {
        gateway.session = ScriptedGateway.S.UNAUTHENTICATED;
        SessionKeeper k = keeper(KeeperConfig.defaults());
        k.afterAuthentication(() -> gateway.calls.add("hook"));
        time.advance(Duration.ofSeconds(1));
        assertThat(gateway.calls).containsExactly("tickle", "login", "tickle", "accounts", "hook");
        assertThat(k.state()).isEqualTo(SessionState.AUTHENTICATED);
        assertThat(transitions).endsWith("REAUTHENTICATING->AUTHENTICATED");
    }

    @Test
    void aLapsedBrokerageSessionIsReopenedWithSsodhInitWithoutABrowserLogin() {
        SessionKeeper k = keeper(KeeperConfig.defaults());
        time.advance(Duration.ofMinutes(5));
        gateway.session = ScriptedGateway.S.BROKERAGE_DOWN;
        time.advance(Duration.ofMinutes(1));
        assertThat(gateway.count("init:true")).isEqualTo(1);
        assertThat(gateway.count("login")).isZero();
        assertThat(k.state()).isEqualTo(SessionState.AUTHENTICATED);
        assertThat(gateway.calls.subList(gateway.calls.indexOf("init:true"), gateway.calls.size())).startsWith("init:true", "accounts");
    }

    @Test
    void aCompetingSessionIsTakenBackAtMostOncePerTenMinutes() {
        SessionKeeper k = keeper(KeeperConfig.defaults());
        time.advance(Duration.ofMinutes(1));
        for (int i = 0; i < 30; i++) {              // the other platform grabs the session back every minute
            gateway.session = ScriptedGateway.S.COMPETING;
            time.advance(Duration.ofMinutes(1));
        }
        assertThat(gateway.count("init:true")).isBetween(3L, 4L);
        assertThat(alerts.alerts).hasSameSizeAs(gateway.calls.stream().filter("init:true"::equals).toList())
            .allSatisfy(a -> assertThat(a).contains("competing session"));
        assertThat(k.state()).isIn(SessionState.COMPETING, SessionState.AUTHENTICATED);
    }

    @Test
    void aTwoFaTimeoutTellsTheUserAndBacksOffBeforeTheNextLogin() {
        gateway.session = ScriptedGateway.S.UNAUTHENTICATED;
        gateway.loginScript.add(new LoginResult.TwoFaTimeout(Duration.ofSeconds(180)));
        SessionKeeper k = keeper(KeeperConfig.defaults());
        time.advance(Duration.ofSeconds(29));
        assertThat(gateway.count("login")).isEqualTo(1);
        assertThat(alerts.notices).containsExactly("the IB Key approval did not arrive in 180 s — retrying in 30 s");
        time.advance(Duration.ofSeconds(2));
        assertThat(gateway.count("login")).isEqualTo(2);
        assertThat(k.state()).isEqualTo(SessionState.AUTHENTICATED);
    }

    @Test
    void badCredentialsHaltWithoutASecondLoginAttempt() {
        gateway.session = ScriptedGateway.S.UNAUTHENTICATED;
        gateway.loginScript.add(new LoginResult.BadCredentials("Invalid username password combination"));
        SessionKeeper k = keeper(KeeperConfig.defaults());
        time.advance(Duration.ofHours(8));
        assertThat(gateway.count("login")).isEqualTo(1);
        assertThat(k.state()).isEqualTo(SessionState.HALTED);
        assertThat(alerts.alerts).hasSize(1).first().asString().contains("No ibex process will retry").contains("ibex auth login --reset-login-budget");
    }

    @Test
    void theNightlyResetRaisesNoAlarmAndNoLoginInsideTheWindow() {
        time.advance(Duration.ZERO);
        VirtualTime night = new VirtualTime(Instant.parse("2026-03-03T04:40:00Z"));  // 23:40 New York (EST)
        SessionKeeper k = new SessionKeeper(gateway, gateway, night, night, KeeperConfig.defaults(), alerts);
        k.start();
        night.advance(Duration.ofMinutes(6));                 // 23:46: inside the window
        gateway.session = ScriptedGateway.S.UNAUTHENTICATED;  // the reset drops the session
        night.advance(Duration.ofMinutes(60));                // 00:46
        assertThat(k.state()).isEqualTo(SessionState.RESET_WINDOW);
        assertThat(gateway.count("login")).isZero();
        night.advance(Duration.ofMinutes(40));                // past 01:15: the keeper logs in again
        assertThat(gateway.count("login")).isEqualTo(1);
        assertThat(k.state()).isEqualTo(SessionState.AUTHENTICATED);
        assertThat(alerts.alerts).isEmpty();
    }

    @Test
    void aGatewayThatStaysDownAlarmsOnceAndBacksOffUpToTheCap() {
        gateway.session = ScriptedGateway.S.DOWN;
        SessionKeeper k = keeper(KeeperConfig.defaults());
        time.advance(Duration.ofHours(4));
        assertThat(k.state()).isEqualTo(SessionState.GATEWAY_DOWN);
        assertThat(alerts.alerts).hasSize(1).first().asString().contains("ibex gateway start");
        // 30 s, 1, 2, 4, 8, 16 min, then every 30 min: about 12 tickles in 4 h, not 240
        assertThat(gateway.count("tickle")).isBetween(10L, 14L);
    }

    @Test
    void tenThreadsSeeing401TriggerExactlyOneLoginAndTheTickleRhythmContinues() throws InterruptedException {
        SessionKeeper k = keeper(KeeperConfig.defaults());
        time.advance(Duration.ofSeconds(10));
        gateway.session = ScriptedGateway.S.UNAUTHENTICATED;
        Thread[] threads = new Thread[10];
        for (int i = 0; i < threads.length; i++) threads[i] = Thread.ofPlatform().start(k::nudge);
        for (Thread t : threads) t.join();
        time.advance(Duration.ZERO);
        assertThat(gateway.count("login")).isEqualTo(1);
        assertThat(k.state()).isEqualTo(SessionState.AUTHENTICATED);
        long tickles = gateway.count("tickle");
        time.advance(Duration.ofMinutes(10));
        assertThat(gateway.count("tickle") - tickles).isEqualTo(10);   // one chain of tickles, not two
    }

    @Test
    void anUnusableCredentialsFileHaltsWithItsFixInsteadOfRetrying() {
        gateway.session = ScriptedGateway.S.UNAUTHENTICATED;
        int[] attempts = {0};
        SessionKeeper k = new SessionKeeper(gateway, () -> {
            attempts[0]++;
            throw new io.ibex.framework.error.ConfigException("/home/u/.env: credentials file is readable by others"
                + " (mode 0644); refusing to use it. Fix: chmod 600 /home/u/.env");
        }, time, time, KeeperConfig.defaults(), alerts);
        k.start();
        time.advance(Duration.ofHours(2));
        assertThat(attempts[0]).isEqualTo(1);
        assertThat(k.state()).isEqualTo(SessionState.HALTED);
        assertThat(alerts.alerts).singleElement().asString().contains("chmod 600 /home/u/.env");
    }
}
