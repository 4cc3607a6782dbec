package io.ibex.data;

import io.ibex.framework.domain.Bars;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of a series' content, the idempotency key when bars do not come from a file. */
final class BarDigest {
    private BarDigest() {}

    static String of(Bars bars) {
        MessageDigest sha = sha256();
        ByteBuffer b = ByteBuffer.allocate(48 * 1024);
        sha.update(bars.instrument().symbol().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        for (int i = 0; i < bars.size(); i++) {
            if (b.remaining() < 48) {
                sha.update(b.flip());
                b.clear();
            }
            b.putLong(bars.time(i)).putDouble(bars.open(i)).putDouble(bars.high(i)).putDouble(bars.low(i))
                .putDouble(bars.close(i)).putDouble(bars.volume(i));
        }
        sha.update(b.flip());
        return HexFormat.of().formatHex(sha.digest());
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
