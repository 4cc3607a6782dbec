package io.ibex.live.scan;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The runner's packages read time only through injected clocks (reliability.md §2 "Injected clock"). */
class ClockSeamScanTest {
    static final Pattern FORBIDDEN = Pattern.compile(
        "System\\.currentTimeMillis|Instant\\.now\\(|LocalDate\\.now\\(|LocalDateTime\\.now\\(|System\\.nanoTime|new Random\\(");
    static final List<String> PACKAGES = List.of("runner", "journal", "risk", "market");

    @Test
    void noProductionCodeOfTheRunnerCallsTheWallClockOrUnseededRandomness() throws IOException {
        Path root = Path.of(System.getProperty("ibex.repo.root", "..")).resolve("live-runner/src/main/java/io/ibex/live");
        List<String> hits = new ArrayList<>();
        int files = 0;
        for (String pkg : PACKAGES) {
            try (Stream<Path> s = Files.walk(root.resolve(pkg))) {
                for (Path p : s.filter(f -> f.toString().endsWith(".java")).toList()) {
                    files++;
                    List<String> lines = Files.readAllLines(p);
                    for (int i = 0; i < lines.size(); i++)
                        if (FORBIDDEN.matcher(lines.get(i)).find()) hits.add(root.relativize(p) + ":" + (i + 1) + " " + lines.get(i).strip());
                }
            }
        }
        assertThat(files).as("scanned files").isGreaterThan(20);
        assertThat(hits).isEmpty();
    }

    @Test
    void theScanPatternCatchesTheCallsItIsMeantToCatch() {
        assertThat(FORBIDDEN.matcher("long t = System.currentTimeMillis();").find()).isTrue();
        assertThat(FORBIDDEN.matcher("var now = Instant.now();").find()).isTrue();
        assertThat(FORBIDDEN.matcher("clock.millis()").find()).isFalse();
    }
}
