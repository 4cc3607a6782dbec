package io.ibex.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** ibex's state goes where $IBEX_HOME or $HOME say, not where Java's user.home (from passwd) points. */
class IbexHomeCliTest {
    @TempDir Path tmp;

    /** Runs the real main class in a child JVM with {@code env} and user.home pointing somewhere else. */
    private int ibex(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> cmd = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Duser.home=" + tmp.resolve("passwd-home"), "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(tmp.resolve("out.txt").toFile());
        pb.environment().remove("IBEX_HOME");
        pb.environment().remove("IBEX_DB");
        pb.environment().putAll(env);
        return pb.start().waitFor();
    }

    @Test void homeDecidesWhereTheDemoWritesItsReport() throws Exception {
        Path home = tmp.resolve("x");
        assertThat(ibex(Map.of("HOME", home.toString()), "demo")).isZero();
        assertThat(home.resolve(".ibex/runs/demo/report.html")).exists();
        assertThat(tmp.resolve("passwd-home")).doesNotExist();
    }

    @Test void ibexHomeWinsOverHome() throws Exception {
        Path ibexHome = tmp.resolve("state");
        assertThat(ibex(Map.of("HOME", tmp.resolve("x").toString(), "IBEX_HOME", ibexHome.toString()), "demo")).isZero();
        assertThat(ibexHome.resolve("runs/demo/report.html")).exists();
        assertThat(tmp.resolve("x")).doesNotExist();
        assertThat(tmp.resolve("passwd-home")).doesNotExist();
    }
}
