package io.ibex.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's data examples run as written, with the files a checkout has; its shell lines paste as intended. */
class ReadmeCommandsTest {
    private static final Path ROOT = Path.of("..");
    @TempDir Path tmp;

    private static String readme() throws IOException { return Files.readString(ROOT.resolve("README.md")); }

    @Test void theDataExamplesRunOnTheShippedSampleFiles() throws IOException {
        String text = readme();
        int at = text.indexOf("S=data/src/main/resources/io/ibex/data/samples");
        assertThat(at).as("the data block defines S").isPositive();
        String block = text.substring(at, text.indexOf("```", at));
        String samples = ROOT.resolve("data/src/main/resources/io/ibex/data/samples").toString();
        List<String> lines = block.lines().filter(l -> l.startsWith("./ibex ")).toList();
        assertThat(lines).hasSizeGreaterThan(6);
        for (String line : lines) {
            String command = line.replaceFirst("\\s+#.*$", "").substring("./ibex ".length());
            List<String> args = new ArrayList<>();
            for (String w : command.split("\\s+"))
                args.add(w.replace("$S", samples).replaceFirst("^runs/", tmp.resolve("runs").toString() + "/"));
            if (args.get(0).equals("data") || command.contains("db:")) args.addAll(List.of("--db", tmp.resolve("store").toString()));
            Cli r = Cli.run(args.toArray(String[]::new));
            assertThat(r.exitCode()).as(line + "\n" + r.err()).isZero();
        }
        assertThat(tmp.resolve("runs/aapl-1d.csv")).exists();
    }

    @Test void shellLinesPasteAsIntended() throws IOException {
        String text = readme();
        assertThat(text).doesNotContain("summary | positions").contains("--master 'local[*]'").doesNotContainPattern("--master local\\[");
        assertThat(Files.readAllLines(ROOT.resolve(".gitignore"))).contains("runs/");
    }
}
