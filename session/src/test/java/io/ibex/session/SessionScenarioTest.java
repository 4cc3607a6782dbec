package io.ibex.session;

import io.ibex.gateway.PinnedTls;
import static org.assertj.core.api.Assertions.assertThat;

import io.ibex.sim.fakeibeam.FakeIbeam;
import io.ibex.sim.Account;
import io.ibex.sim.ExpiryReason;
import io.ibex.sim.GatewaySimulator;
import io.ibex.sim.Route;
import io.ibex.sim.SimClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The keeper against the real gateway simulator over pinned HTTPS, with logins done by the fake IBeam running as its own
 * JVM under the {@link IbeamSupervisor}. Keeper and simulator share one manual clock: hours pass in milliseconds.
 */
class SessionScenarioTest {
    private static final String CANARY = "canary-pw-5c3n4r10";
    // Monday 09:30 New York: far from the nightly reset window
    private static final Instant MARKET_OPEN = Instant.parse("2026-03-02T14:30:00Z");

    @TempDir Path dir;
    private GatewaySimulator sim;
    private SimTime time;
    private GatewayHttp http;
    private IbeamSupervisor supervisor;
    private final RecordingAlerts alerts = new RecordingAlerts();
    private final List<String> transitions = new ArrayList<>();

    @AfterEach
    void close() {
        if (supervisor != null) supervisor.close();
        if (http != null) http.close();
        if (sim != null) sim.close();
    }

    private void startSimAndSupervisor(Instant start, io.ibex.sim.SessionState initial, String scenario, int oauthSeconds)
        throws IOException {
        sim = GatewaySimulator.builder().clock(SimClock.manual(start)).credentials("simuser", CANARY)
            .account(Account.paper("DU1234567").cash("USD", 1_000_000)).initialSession(initial).start();
        time = new SimTime(sim.clock());
        writeEnv(scenario);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        IbeamConfig config = new IbeamConfig(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
            FakeIbeam.class.getName()), dir, dir.resolve(".env"), null, null, sim.rootUrl(),
            Duration.ofSeconds(oauthSeconds), 0, 5, false);
        supervisor = new IbeamSupervisor(config, Map.of(), LoginBudget.reliabilityDefault(time), alerts);
    }

    private SessionKeeper keeper(Instant start, io.ibex.sim.SessionState initial, String scenario, int oauthSeconds)
        throws IOException {
        startSimAndSupervisor(start, initial, scenario, oauthSeconds);
        http = new GatewayHttp(sim.baseUrl(), PinnedTls.fromPemText(sim.certificatePem(), "sim"), Duration.ofSeconds(10));
        SessionKeeper keeper = new SessionKeeper(new HttpSessionEndpoints(http), supervisor, time, time,
            KeeperConfig.defaults(), alerts);
        keeper.addListener((from, to, reason) -> transitions.add(to.name()));
        keeper.start();
        return keeper;
    }

    private void writeEnv(String scenario) throws IOException {
        Path env = dir.resolve(".env");
        Files.writeString(env, "IBEAM_ACCOUNT=simuser\nIBEAM_PASSWORD=" + CANARY + "\nFAKE_IBEAM_SCENARIO=" + scenario
            + "\nFAKE_IBEAM_TRUSTSTORE=" + sim.writeCertificatePem(dir.resolve("sim.pem")) + "\nFAKE_IBEAM_POLL_MS=50"
            + "\nFAKE_IBEAM_SIM_TOKEN=" + sim.adminToken() + "\n");
        Files.setPosixFilePermissions(env, PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void anIdleSessionIsKeptAliveForTwelveHours() throws IOException {
        SessionKeeper keeper = keeper(MARKET_OPEN, io.ibex.sim.SessionState.AUTHENTICATED, "success", 10);
        long epoch = sim.session().epoch();
        time.advance(Duration.ofHours(12));
        assertThat(sim.session().state()).isEqualTo(io.ibex.sim.SessionState.AUTHENTICATED);
        assertThat(sim.session().epoch()).isEqualTo(epoch);
        assertThat(keeper.state()).isEqualTo(SessionState.AUTHENTICATED);
        assertThat(sim.journal().count(Route.post("/tickle"))).isEqualTo(12 * 60 + 1);
        assertThat(sim.login().attempts()).isZero();
        assertThat(alerts.alerts).isEmpty();
    }

    @Test
    void aSessionLostMidRunIsRestoredThroughTheFakeIbeamAndAccountsComesFirst() throws IOException {
        try (LogCapture logs = new LogCapture()) {
            SessionKeeper keeper = keeper(MARKET_OPEN, io.ibex.sim.SessionState.AUTHENTICATED, "success", 10);
            time.advance(Duration.ofMinutes(5));
            sim.session().expire(ExpiryReason.MANUAL);               // 401 from here on
            time.advance(Duration.ofMinutes(1));
            assertThat(keeper.state()).isEqualTo(SessionState.AUTHENTICATED);
            assertThat(transitions).containsSubsequence("LOGIN_REQUIRED", "REAUTHENTICATING", "AUTHENTICATED");
            assertThat(sim.login().attempts()).isEqualTo(1);
            var accounts = sim.journal().last(Route.get("/iserver/accounts"));
            var lastLogin = sim.journal().last(Route.post("/__sim/login"));
            assertThat(accounts.seq()).isGreaterThan(lastLogin.seq());
            assertThat(logs.lines()).anySatisfy(l -> assertThat(l).contains("ibeam:").contains("Logging in succeeded"))
                .noneSatisfy(l -> assertThat(l).contains(CANARY));
            assertThat(alerts.alerts).noneSatisfy(a -> assertThat(a).contains(CANARY));
        }
    }

    @Test
    void aTwoFaTimeoutIsExplainedBackedOffAndALaterLoginSucceeds() throws IOException {
        SessionKeeper keeper = keeper(MARKET_OPEN, io.ibex.sim.SessionState.UNAUTHENTICATED, "twofa_timeout", 1);
        time.advance(Duration.ofSeconds(1));
        assertThat(alerts.notices).contains("approve the IB Key notification on your phone now (IBeam waits up to 1 s)",
            "the IB Key approval did not arrive in 1 s — retrying in 30 s");
        assertThat(keeper.state()).isEqualTo(SessionState.LOGIN_REQUIRED);
        writeEnv("success");                                          // the user has the phone at hand now
        time.advance(Duration.ofSeconds(28));                          // 29 s after the failed attempt
        assertThat(sim.login().attempts()).isEqualTo(1);            // the backoff holds
        time.advance(Duration.ofSeconds(2));
        assertThat(sim.login().attempts()).isEqualTo(2);
        assertThat(keeper.state()).isEqualTo(SessionState.AUTHENTICATED);
    }

    @Test
    void theNightlyResetIsSilentAndTheSessionComesBackAfterTheWindow() throws IOException {
        // Monday 23:50 New York
        SessionKeeper keeper = keeper(Instant.parse("2026-03-03T04:50:00Z"), io.ibex.sim.SessionState.AUTHENTICATED,
            "success", 10);
        time.advance(Duration.ofMinutes(60));                          // 00:50: reset happened at 00:00
        assertThat(sim.session().state()).isNotEqualTo(io.ibex.sim.SessionState.AUTHENTICATED);
        assertThat(keeper.state()).isEqualTo(SessionState.RESET_WINDOW);
        assertThat(sim.login().attempts()).isZero();
        time.advance(Duration.ofMinutes(40));                          // 01:30: window over
        assertThat(sim.login().attempts()).isEqualTo(1);
        assertThat(keeper.state()).isEqualTo(SessionState.AUTHENTICATED);
        assertThat(alerts.alerts).isEmpty();
    }

    @Test
    void aCompetingSessionIsTakenBackAtMostOncePerTenMinutesWithAnAlert() throws IOException {
        SessionKeeper keeper = keeper(MARKET_OPEN, io.ibex.sim.SessionState.AUTHENTICATED, "success", 10);
        time.advance(Duration.ofSeconds(30));
        for (int i = 0; i < 30; i++) {                                 // TWS grabs the session back every minute
            sim.session().competeFromElsewhere();
            time.advance(Duration.ofMinutes(1));
        }
        assertThat(sim.journal().count(Route.post("/iserver/auth/ssodh/init"))).isBetween(3, 4);
        assertThat(alerts.alerts).isNotEmpty().allSatisfy(a -> assertThat(a).contains("competing session"));
        assertThat(sim.login().attempts()).isZero();
        assertThat(keeper.state()).isIn(SessionState.COMPETING, SessionState.AUTHENTICATED);
    }

    @Test
    void aLapsedBrokerageSessionIsFixedBySsodhInitWithoutABrowserLogin() throws IOException {
        SessionKeeper keeper = keeper(MARKET_OPEN, io.ibex.sim.SessionState.AUTHENTICATED, "success", 10);
        time.advance(Duration.ofMinutes(3));
        sim.session().brokerageTimeout();                              // /iserver/* now answers 400 "no bridge"
        long epoch = sim.session().epoch();
        time.advance(Duration.ofMinutes(1));
        assertThat(sim.session().state()).isEqualTo(io.ibex.sim.SessionState.AUTHENTICATED);
        assertThat(sim.session().epoch()).isGreaterThan(epoch);
        assertThat(sim.journal().last(Route.post("/iserver/auth/ssodh/init")).body()).contains("\"compete\":true");
        assertThat(sim.login().attempts()).isZero();
        assertThat(keeper.state()).isEqualTo(SessionState.AUTHENTICATED);
    }

    @Test
    void aMaintainingIbeamIsJudgedByItsLoopbackHealthRoutesNotItsExitCode() throws Exception {
        startSimAndSupervisor(MARKET_OPEN, io.ibex.sim.SessionState.UNAUTHENTICATED, "success", 10);
        java.util.concurrent.CountDownLatch authenticated = new java.util.concurrent.CountDownLatch(1);
        supervisor.onEvent(e -> {
            if (e == IbeamEvent.AUTHENTICATED) authenticated.countDown();
        });
        Process ibeam = supervisor.startMaintaining();
        assertThat(authenticated.await(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(supervisor.healthPort()).isPositive();              // read from "Health server started at port=N"
        assertThat(supervisor.ready()).isTrue();
        assertThat(supervisor.live()).isTrue();
        sim.session().expire(ExpiryReason.MANUAL);
        assertThat(supervisor.ready()).isFalse();
        assertThat(ibeam.isAlive()).isTrue();
        supervisor.close();
        assertThat(ibeam.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    }
}
