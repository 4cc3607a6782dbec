package io.ibex.data;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * SHA-256 of a stored series as the store holds it (time, raw prices and volume bits of each bar, in time order).
 * Recorded in {@code bar_series.digest} when an import makes a version live and compared whenever the series is read
 * in full, so a damaged file is refused instead of giving silently different bars.
 */
final class SeriesDigest {
    private static final int BAR = 48;
    private final MessageDigest sha = BarDigest.sha256();
    private final ByteBuffer buffer = ByteBuffer.allocate(1024 * BAR);
    private long count;

    void add(long time, long open, long high, long low, long close, double volume) {
        if (buffer.remaining() < BAR) {
            sha.update(buffer.flip());
            buffer.clear();
        }
        buffer.putLong(time).putLong(open).putLong(high).putLong(low).putLong(close).putDouble(volume);
        count++;
    }

    long count() { return count; }

    /** The digest in hex; ends this digest. */
    String hex() {
        sha.update(buffer.flip());
        return HexFormat.of().formatHex(sha.digest());
    }
}
