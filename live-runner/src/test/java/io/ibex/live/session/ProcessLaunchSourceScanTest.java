package io.ibex.live.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Reliability S8: child processes start from argv lists only; no shell strings anywhere in the session code. */
class ProcessLaunchSourceScanTest {
    @Test
    void sessionDoctorAndFakeIbeamSourcesNeverBuildShellCommands() throws IOException {
        Path main = Path.of("src/main/java/io/ibex/live");
        List<Path> sources;
        try (Stream<Path> files = Stream.of("session", "doctor", "fakeibeam").flatMap(p -> walk(main.resolve(p)))) {
            sources = files.filter(f -> f.toString().endsWith(".java")).toList();
        }
        assertThat(sources).hasSizeGreaterThan(10);
        for (Path f : sources) {
            String code = Files.readString(f);
            assertThat(code).as(f.toString()).doesNotContain("Runtime.getRuntime().exec(").doesNotContain("\"-c\"")
                .doesNotContain("\"bash -c").doesNotContain("\"sh -c");
        }
    }

    private static Stream<Path> walk(Path dir) {
        try {
            return Files.walk(dir).toList().stream();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
