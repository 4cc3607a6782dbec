package io.ibex.live.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

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
}
