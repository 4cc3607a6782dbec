package io.ibex.framework.strategy;

import io.ibex.framework.error.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StrategyRegistryTest {
    @TempDir Path tmp;

    @Test
    void anUnknownNameIsRefusedListingTheKnownOnes() {
        try (StrategyRegistry r = StrategyRegistry.builtIn()) {
            assertThatThrownBy(() -> r.find("nope")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("unknown strategy 'nope'").hasMessageContaining("--plugin");
        }
    }

    @Test
    void aMissingPluginJarIsNamed() {
        Path jar = tmp.resolve("missing.jar");
        assertThatThrownBy(() -> StrategyRegistry.load(List.of(jar))).isInstanceOf(ConfigException.class)
            .hasMessage("plugin JAR not found: " + jar);
    }

    @Test
    void aFileThatIsNotAJarIsRefused() throws IOException {
        Path jar = Files.writeString(tmp.resolve("notes.jar"), "not a zip");
        assertThatThrownBy(() -> StrategyRegistry.load(List.of(jar))).isInstanceOf(ConfigException.class)
            .hasMessageContaining("is not a readable JAR");
    }

    @Test
    void aJarWithoutAStrategyServiceEntryIsRefusedSayingWhatToAdd() throws IOException {
        Path jar = tmp.resolve("empty.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new ZipEntry("readme.txt"));
            out.write("hi".getBytes());
            out.closeEntry();
        }
        assertThatThrownBy(() -> StrategyRegistry.load(List.of(jar))).isInstanceOf(ConfigException.class)
            .hasMessageContaining("declares no strategy").hasMessageContaining("META-INF/services/io.ibex.framework.strategy.StrategyFactory");
    }

    @Test
    void aBrokenServiceEntryIsReportedAsAConfigurationError() throws IOException {
        Path jar = tmp.resolve("broken.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new ZipEntry("META-INF/services/io.ibex.framework.strategy.StrategyFactory"));
            out.write("com.example.Missing\n".getBytes());
            out.closeEntry();
        }
        assertThatThrownBy(() -> StrategyRegistry.load(List.of(jar))).isInstanceOf(ConfigException.class)
            .hasMessageContaining("com.example.Missing");
    }

    @Test
    void sha256IsTheHexDigestOfTheBytes() throws IOException {
        Path f = Files.writeString(tmp.resolve("abc"), "abc");
        assertThat(StrategyRegistry.sha256(f)).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
