package io.ibex.session;

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
        Path repo = Path.of(System.getProperty("ibex.repo.root", ".."));
        List<Path> sources;
        try (Stream<Path> files = Stream.of("session/src/main/java/io/ibex/session", "gateway-sim/src/main/java/io/ibex/sim/fakeibeam")
                .flatMap(p -> walk(repo.resolve(p)))) {
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
