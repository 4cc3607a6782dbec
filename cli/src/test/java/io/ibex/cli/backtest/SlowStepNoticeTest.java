package io.ibex.cli.backtest;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class SlowStepNoticeTest {
    @Test
    void aStepThatEndsBeforeTheDelayPrintsNothing() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (SlowStepNotice n = SlowStepNotice.to(new PrintStream(bytes, true, StandardCharsets.UTF_8), "writing report",
            Duration.ofDays(1))) {
            assertThat(n).isNotNull();
        }
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void aStepThatOutlastsTheDelaySaysWhatItDoesAndThenHowLongItTook() throws InterruptedException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (SlowStepNotice n = SlowStepNotice.to(new PrintStream(bytes, true, StandardCharsets.UTF_8), "writing report",
            Duration.ZERO)) {
            n.awaitShown();
            assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("  writing report…");
        }
        assertThat(bytes.toString(StandardCharsets.UTF_8)).matches("  writing report… done \\(\\d+\\.\\d s\\)\\R");
    }
}
