package io.ibex.execution.commission;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Reliability §4.3 C6: no binary floating point anywhere on the commission path. */
class NoFloatingPointInCommissionsTest {
    private static final Pattern FLOATING = Pattern.compile("\\b(double|float|Double|Float)\\b|\\d\\.\\d*[dDfF]\\b");

    @Test
    void noCommissionSourceMentionsDoubleOrFloat() throws IOException {
        Path root = Path.of(System.getProperty("ibex.repo.root", ".."));
        Path dir = root.resolve("execution/src/main/java/io/ibex/execution/commission");
        if (!Files.isDirectory(dir)) dir = Path.of("src/main/java/io/ibex/execution/commission");
        List<Path> sources;
        try (Stream<Path> files = Files.list(dir)) {
            sources = files.filter(p -> p.toString().endsWith(".java")).toList();
        }
        assertThat(sources).hasSizeGreaterThan(10);
        for (Path source : sources) {
            List<String> lines = Files.readAllLines(source);
            for (int i = 0; i < lines.size(); i++) {
                String code = lines.get(i).replaceAll("//.*|^\\s*\\*.*|/\\*\\*.*", "");
                assertThat(FLOATING.matcher(code).find())
                    .as("%s:%d uses floating point: %s", source.getFileName(), i + 1, lines.get(i).strip())
                    .isFalse();
            }
        }
    }
}
