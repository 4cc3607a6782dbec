package io.ibex.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drives the supervisor against a stand-in IBeam: a real child process (a shell script run through an argv list) that
 * prints IBeam's documented log lines for the scenario named in the .env file, and misbehaves by echoing the password.
 */
class IbeamSupervisorTest {
    private static final String CANARY = "canary-Pa55-x9";
    private static final String SCRIPT = """
        echo "2026-03-02 14:30:00,000|I| argv count $# first [$1]"
        echo "2026-03-02 14:30:00,001|I| Credentials correct, but Gateway requires notification two-factor authentication."
        echo "2026-03-02 14:30:00,002|I| debug dump: user=$IBEAM_ACCOUNT pass=$IBEAM_PASSWORD acct U7654321"
        echo "2026-03-02 14:30:00,003|I| oauth=$IBEAM_OAUTH_TIMEOUT 2fa=$IBEAM_TWO_FA_SELECT_TARGET health=$IBEAM_HEALTH_SERVER_PORT"
        case "$SCENARIO" in
          success) echo "2026-03-02 14:30:01,000|I| Logging in succeeded"; echo "2026-03-02 14:30:01,001|I| Gateway authenticated." ;;
          timeout) echo "2026-03-02 14:30:16,000|E| Timeout reached when waiting for authentication..."; echo "x|I| Logging in failed"; echo "x|I| Gateway not authenticated." ;;
          bad)     echo "2026-03-02 14:30:01,000|E| Error displayed by the login webpage: Invalid username password combination"; echo "x|I| Gateway not authenticated." ;;
        esac
        """;

    @TempDir Path dir;
    private final RecordingAlerts alerts = new RecordingAlerts();
    private final VirtualTime time = new VirtualTime(Instant.parse("2026-03-02T14:30:00Z"));

    private IbeamSupervisor supervisor(String scenario) throws IOException {
        Files.writeString(dir.resolve("ibeam_starter.sh"), SCRIPT);
        Path env = dir.resolve(".env");
        Files.writeString(env, "IBEAM_ACCOUNT=myuser77\nIBEAM_PASSWORD=" + CANARY + "\nSCENARIO=" + scenario + "\n");
        Files.setPosixFilePermissions(env, PosixFilePermissions.fromString("rw-------"));
        IbeamConfig config = new IbeamConfig(List.of("sh", "ibeam_starter.sh"), dir, env, dir.resolve("gw"), null,
            "https://127.0.0.1:5000", Duration.ofSeconds(180), 5001, 5, false);
        return new IbeamSupervisor(config, Map.of(), LoginBudget.reliabilityDefault(time), alerts);
    }

    @Test
    void aSuccessfulLoginAsksForThePhoneApprovalAndNeverLogsThePassword() throws IOException {
        try (LogCapture logs = new LogCapture(); IbeamSupervisor s = supervisor("success")) {
            assertThat(s.login()).isInstanceOf(LoginResult.Succeeded.class);
            assertThat(alerts.notices).containsExactly("approve the IB Key notification on your phone now (IBeam waits up to 180 s)");
            assertThat(logs.lines()).anySatisfy(l -> assertThat(l).contains("argv count 1 first [--authenticate]"))
                .anySatisfy(l -> assertThat(l).contains("oauth=180 2fa=IB Key health=5001"))
                .anySatisfy(l -> assertThat(l).contains("user=my****77 pass=**** acct U7****21"))
                .noneSatisfy(l -> assertThat(l).contains(CANARY))
                .noneSatisfy(l -> assertThat(l).contains("myuser77"));
        }
    }

    @Test
    void aTwoFaTimeoutIsReportedWithTheConfiguredWait() throws IOException {
        try (IbeamSupervisor s = supervisor("timeout")) {
            assertThat(s.login()).isEqualTo(new LoginResult.TwoFaTimeout(Duration.ofSeconds(180)));
        }
    }

    @Test
    void rejectedCredentialsAreNeverTriedASecondTime() throws IOException {
        try (IbeamSupervisor s = supervisor("bad")) {
            assertThat(s.login()).isEqualTo(new LoginResult.BadCredentials("Invalid username password combination"));
            Files.delete(dir.resolve("ibeam_starter.sh"));                  // a second spawn would now fail loudly
            assertThat(s.login()).isInstanceOf(LoginResult.BadCredentials.class);
        }
    }

    @Test
    void theFourthLoginInHalfAnHourIsRefusedByTheBudgetWithoutStartingIbeam() throws IOException {
        try (IbeamSupervisor s = supervisor("timeout")) {
            for (int i = 0; i < 3; i++) assertThat(s.login()).isInstanceOf(LoginResult.TwoFaTimeout.class);
            assertThat(s.login()).isEqualTo(new LoginResult.BudgetExhausted(Instant.parse("2026-03-02T15:00:00Z")));
        }
    }
}
