package io.ibex.backtest.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real headless Chromium for the page tests, with every host name unresolvable so a page that fetches anything shows
 * it. Screenshots are kept in target/report-screenshots/ for a human to look at.
 */
public final class Chromium {
    private Chromium() {}

    /** The DOM of {@code page} after its scripts ran. */
    public static String dom(Path page) throws IOException, InterruptedException {
        return run(page.getParent(), "--dump-dom", page.toUri().toString());
    }

    /** Renders {@code page} 1400 px wide to target/report-screenshots/NAME.png and checks it is a non-blank PNG. */
    public static void screenshot(Path page, String name) throws IOException, InterruptedException {
        Path png = page.resolveSibling(name + ".png");
        run(page.getParent(), "--screenshot=" + png, "--window-size=1400,3000", page.toUri().toString());
        byte[] bytes = Files.readAllBytes(png);
        assertThat(bytes).startsWith(0x89, 'P', 'N', 'G');
        assertThat(bytes.length).as("a page with charts, not a blank one").isGreaterThan(30_000);
        Path kept = Path.of("target", "report-screenshots");
        Files.createDirectories(kept);
        Files.copy(png, kept.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    private static String run(Path dir, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("chromium", "--headless", "--no-sandbox", "--disable-gpu",
            "--disable-dev-shm-usage", "--hide-scrollbars", "--host-resolver-rules=MAP * ~NOTFOUND"));
        cmd.addAll(List.of(args));
        Path out = dir.resolve("chromium.out");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(dir.resolve("chromium.err").toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish within 120 s: " + cmd);
        }
        assertThat(p.exitValue()).as("chromium exit code; stderr in %s", dir.resolve("chromium.err")).isZero();
        return Files.readString(out, StandardCharsets.UTF_8);
    }
}
