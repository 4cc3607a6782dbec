package io.ibex.data;

import java.nio.file.Path;
import java.util.List;

/**
 * The outcome of {@code ibex data import}.
 *
 * @param store        what the store did
 * @param rejected     rows set aside with {@code --skip-bad} (empty otherwise)
 * @param rejectedFile where they were written, or null when none were
 * @param sha256       of the file
 */
public record FileImportResult(ImportResult store, List<RejectedRow> rejected, Path rejectedFile, String sha256) {}
