package io.ibex.data;

import io.ibex.framework.error.DataException;
import io.ibex.framework.files.FileModes;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/** The {@code FILE.rejected.csv} side file of {@code --skip-bad}: {@code line,reason,row}, written atomically. */
final class RejectedFile {
    private RejectedFile() {}

    static Path write(Path file, Path dirOrNull, List<RejectedRow> rows) {
        Path dir = dirOrNull != null ? dirOrNull : file.toAbsolutePath().getParent();
        Path target = dir.resolve(file.getFileName() + ".rejected.csv");
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                w.write("line,reason,row\n");
                for (RejectedRow r : rows) w.write(r.line() + "," + quote(r.reason()) + "," + quote(r.text()) + "\n");
            }
            FileModes.makeShared(tmp);                 // rows of the user's own input file, like the input itself
            return Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new DataException("cannot write the rejected rows to " + target + ": " + e.getMessage(), e);
        }
    }

    static String quote(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }
}
