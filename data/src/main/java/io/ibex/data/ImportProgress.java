package io.ibex.data;

/** Told how a file import advances, e.g. to drive a progress bar. Called on the importing thread. */
public interface ImportProgress {
    /** Bytes of the file read so far. */
    void reading(long bytesRead, long totalBytes);

    /** The write transaction began: {@code total} bars are about to be written. */
    void writingStarted(int total);

    /** Bars written so far inside the (still uncommitted) transaction. */
    void written(int bars, int total);

    ImportProgress NONE = new ImportProgress() {
        @Override public void reading(long bytesRead, long totalBytes) { }
        @Override public void writingStarted(int total) { }
        @Override public void written(int bars, int total) { }
    };
}
