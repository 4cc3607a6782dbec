package io.ibex.data;

/**
 * A source row that failed validation.
 *
 * @param line   1-based line number in the file
 * @param text   the row as it appeared (for the {@code .rejected.csv} side file)
 * @param reason why it was refused, e.g. {@code high 10.0 < low 12.0}
 */
public record RejectedRow(long line, String text, String reason) {}
