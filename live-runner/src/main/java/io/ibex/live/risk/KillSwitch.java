package io.ibex.live.risk;

import io.ibex.framework.files.FileModes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;

/**
 * The kill switch (F35): a file named {@code HALT} in the run directory. {@code ibex live halt --out DIR} creates it,
 * so does {@code touch DIR/HALT}. The runner also persists the halted state in its journal, so deleting the file
 * alone does not resume trading: the restart after review does.
 */
public final class KillSwitch implements BooleanSupplier {
    public static final String FILE_NAME = "HALT";
    private final Path file;
    private final BooleanSupplier persisted;

    public KillSwitch(Path runDir, BooleanSupplier persisted) {
        this.file = runDir.resolve(FILE_NAME);
        this.persisted = persisted;
    }

    public static void engage(Path runDir, String reason) {
        try {
            if (!Files.isDirectory(runDir)) FileModes.createPrivateDirectories(runDir);     // a run directory: private
            FileModes.writePrivate(runDir.resolve(FILE_NAME), (reason + System.lineSeparator()).getBytes(StandardCharsets.UTF_8));
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new io.ibex.framework.error.ConfigException("cannot create " + runDir.resolve(FILE_NAME) + ": " + e.getMessage(), e);
        }
    }

    public Path file() { return file; }

    @Override public boolean getAsBoolean() { return Files.exists(file) || persisted.getAsBoolean(); }
}
