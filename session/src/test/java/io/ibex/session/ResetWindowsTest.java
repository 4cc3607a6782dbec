package io.ibex.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ResetWindowsTest {
    private final ResetWindows ny = ResetWindows.newYorkDefault();

    @Test
    void theWindowWrapsMidnightInNewYorkTimeAcrossDaylightSaving() {
        assertThat(ny.contains(Instant.parse("2026-03-03T04:44:00Z"))).isFalse();   // Mon 23:44 EST
        assertThat(ny.contains(Instant.parse("2026-03-03T04:45:00Z"))).isTrue();    // 23:45 EST
        assertThat(ny.contains(Instant.parse("2026-03-03T06:14:00Z"))).isTrue();    // Tue 01:14 EST
        assertThat(ny.contains(Instant.parse("2026-03-03T06:15:00Z"))).isFalse();   // 01:15 EST
        assertThat(ny.contains(Instant.parse("2026-07-07T03:50:00Z"))).isTrue();    // Mon 23:50 EDT
        assertThat(ny.contains(Instant.parse("2026-07-07T14:00:00Z"))).isFalse();   // Tue 10:00 EDT
    }

    @Test
    void saturdayIsAMaintenanceDayAndGraceFollowsEachWindow() {
        assertThat(ny.contains(Instant.parse("2026-03-07T17:00:00Z"))).isTrue();    // Saturday noon
        assertThat(ny.quiet(Instant.parse("2026-03-03T06:29:00Z"))).isTrue();       // 01:29: within 15 min grace
        assertThat(ny.quiet(Instant.parse("2026-03-03T06:31:00Z"))).isFalse();
    }

    @Test
    void aBadWindowIsRefusedWithTheExpectedFormat() {
        assertThat(ResetWindows.parse("00:50-01:10", ZoneId.of("Europe/Zurich")).contains(Instant.parse("2026-03-03T00:00:00Z"))).isTrue();
        assertThatThrownBy(() -> ResetWindows.parse("25:00", ZoneId.of("UTC"))).hasMessageContaining("expected HH:MM-HH:MM");
    }
}
