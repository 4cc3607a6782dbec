package io.ibex.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoginBudgetTest {
    @Test
    void atMostThreeAttemptsPerHalfHourAndSixPerDay() {
        VirtualTime time = new VirtualTime(Instant.parse("2026-03-02T14:00:00Z"));
        LoginBudget budget = LoginBudget.reliabilityDefault(time);
        int granted = 0;
        for (int minute = 0; minute < 8 * 60; minute++) {           // someone asks every minute for 8 hours
            if (budget.tryAcquire().isEmpty()) granted++;
            time.advance(Duration.ofMinutes(1));
        }
        assertThat(granted).isEqualTo(6);
        assertThat(budget.tryAcquire()).contains(Instant.parse("2026-03-03T14:00:00Z"));
    }

    @Test
    void theFourthAttemptInsideHalfAnHourIsToldWhenItMayRun() {
        VirtualTime time = new VirtualTime(Instant.parse("2026-03-02T14:00:00Z"));
        LoginBudget budget = LoginBudget.reliabilityDefault(time);
        budget.tryAcquire();
        budget.tryAcquire();
        budget.tryAcquire();
        assertThat(budget.tryAcquire()).contains(Instant.parse("2026-03-02T14:30:00Z"));
    }

    @TempDir Path dir;

    @Test
    void instancesSharingTheFileShareOneBudget() {
        VirtualTime time = new VirtualTime(Instant.parse("2026-03-02T14:00:00Z"));
        Path file = dir.resolve("home/login-budget");
        for (int run = 0; run < 3; run++) assertThat(LoginBudget.shared(file, time).tryAcquire()).isEmpty();
        assertThat(LoginBudget.shared(file, time).tryAcquire()).contains(Instant.parse("2026-03-02T14:30:00Z"));
        time.advance(Duration.ofMinutes(31));
        assertThat(LoginBudget.shared(file, time).tryAcquire()).isEmpty();
    }

    @Test
    void aRejectedPasswordIsRememberedByEveryLaterInstanceUntilReset() throws IOException {
        VirtualTime time = new VirtualTime(Instant.parse("2026-03-02T14:00:00Z"));
        Path file = dir.resolve("login-budget");
        LoginBudget.shared(file, time).recordRejected("Invalid username password combination");
        assertThat(LoginBudget.shared(file, time).rejected()).contains("Invalid username password combination");
        LoginBudget.shared(file, time).reset();
        assertThat(LoginBudget.shared(file, time).rejected()).isEmpty();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
    }

    @Test
    void concurrentProcessesNeverGrantMoreThanTheBudget() throws Exception {
        Path file = dir.resolve("login-budget");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Process> children = new ArrayList<>();
        for (int i = 0; i < 4; i++)
            children.add(new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), LoginBudgetChild.class.getName(),
                file.toString(), "2").redirectErrorStream(true).start());
        List<String> answers = new ArrayList<>();
        for (Process p : children) {
            answers.addAll(new String(p.getInputStream().readAllBytes()).lines().toList());
            assertThat(p.waitFor()).isZero();
        }
        assertThat(answers).hasSize(8);
        assertThat(answers.stream().filter("granted"::equals).count()).isEqualTo(3);
        assertThat(Files.readAllLines(file).stream().filter(l -> l.startsWith("attempt "))).hasSize(3);
    }
}
