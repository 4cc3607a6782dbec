package io.ibex.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ibex.framework.error.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XvfbDisplayTest {
    @TempDir Path tmp;

    @Test
    void anExistingDisplayIsUsedAndNothingIsStarted() {
        List<Process> started = new ArrayList<>();
        assertThat(XvfbDisplay.ensure(Map.of("DISPLAY", ":3"), tmp, started::add)).isEqualTo(":3");
        assertThat(started).isEmpty();
    }

    @Test
    void aRunningDisplay99IsReused() throws IOException {
        Files.createFile(tmp.resolve("X99"));
        assertThat(XvfbDisplay.ensure(Map.of("PATH", ""), tmp, p -> { throw new AssertionError("started " + p); }))
            .isEqualTo(":99");
    }

    @Test
    void aMissingXvfbIsReportedWithTheInstallCommand() {
        assertThatThrownBy(() -> XvfbDisplay.ensure(Map.of("PATH", tmp.toString()), tmp, p -> { }))
            .isInstanceOf(ConfigException.class).hasMessageContaining("apt-get install xvfb");
    }

    @Test
    void xvfbIsStartedFromPathAsAnArgvListWithDisplay99() throws Exception {
        Path fake = tmp.resolve("Xvfb");
        Files.writeString(fake, "#!/bin/sh\nprintf '%s|' \"$@\" > \"$(dirname \"$0\")/args\"\n");
        fake.toFile().setExecutable(true);
        List<Process> started = new ArrayList<>();
        assertThat(XvfbDisplay.ensure(Map.of("PATH", tmp.toString()), tmp.resolve("no-sockets"), started::add)).isEqualTo(":99");
        assertThat(started).hasSize(1);
        started.get(0).waitFor();
        assertThat(Files.readString(tmp.resolve("args"))).isEqualTo(":99|-nolisten|tcp|");
    }
}
