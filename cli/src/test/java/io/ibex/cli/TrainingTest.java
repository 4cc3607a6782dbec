package io.ibex.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The launcher's class-data training run: every command in it still succeeds, so the cache never silently shrinks. */
class TrainingTest {
    @Test void everyTrainingCommandSucceedsAndWritesOnlyUnderItsDirectory(@TempDir Path dir) throws Exception {
        assertThat(Training.run(dir)).isEmpty();
        assertThat(dir.resolve("backtest/report.html")).isNotEmptyFile();
        assertThat(dir.resolve("sweep/sweep.csv")).isNotEmptyFile();
        assertThat(dir.resolve("live/orders.csv")).exists();
        assertThat(Files.lines(dir.resolve("train-1m.csv")).count()).isEqualTo(5_001);
    }
}
