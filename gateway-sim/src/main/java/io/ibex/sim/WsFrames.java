package io.ibex.sim;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * RFC 6455 framing, server side: the handshake's accept key, reading the masked frames a client sends and writing the
 * unmasked frames a server sends. Only what the gateway's protocol needs: text, continuation, ping, pong, close.
 */
final class WsFrames {
    static final int CONTINUATION = 0x0, TEXT = 0x1, BINARY = 0x2, CLOSE = 0x8, PING = 0x9, PONG = 0xA;
    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    private static final int MAX_PAYLOAD = 1 << 20;

    /** One frame off the wire, unmasked. */
    record Frame(boolean fin, int opcode, byte[] payload) {
        String text() { return new String(payload, StandardCharsets.UTF_8); }
    }

    private WsFrames() {}

    /** {@code Sec-WebSocket-Accept} for the client's {@code Sec-WebSocket-Key} (RFC 6455 §4.2.2). */
    static String acceptKey(String clientKey) {
        try {
            byte[] sha1 = MessageDigest.getInstance("SHA-1").digest((clientKey.trim() + GUID).getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(sha1);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads one frame; a client frame that is not masked is a protocol error (RFC 6455 §5.1). */
    static Frame read(InputStream in) throws IOException {
        int b0 = in.read();
        if (b0 < 0) throw new EOFException("connection closed");
        int b1 = readByte(in);
        boolean masked = (b1 & 0x80) != 0;
        if (!masked) throw new IOException("client frame not masked");
        long len = b1 & 0x7F;
        if (len == 126) len = (readByte(in) << 8) | readByte(in);
        else if (len == 127) {
            len = 0;
            for (int i = 0; i < 8; i++) len = (len << 8) | readByte(in);
        }
        if (len > MAX_PAYLOAD) throw new IOException("frame too large: " + len);
        byte[] mask = in.readNBytes(4);
        byte[] payload = in.readNBytes((int) len);
        if (mask.length < 4 || payload.length < len) throw new EOFException("truncated frame");
        for (int i = 0; i < payload.length; i++) payload[i] ^= mask[i & 3];
        return new Frame((b0 & 0x80) != 0, b0 & 0x0F, payload);
    }

    private static int readByte(InputStream in) throws IOException {
        int b = in.read();
        if (b < 0) throw new EOFException("truncated frame");
        return b;
    }

    static byte[] text(String s) { return frame(TEXT, s.getBytes(StandardCharsets.UTF_8)); }

    /** A close frame with a status code and a short reason. */
    static byte[] close(int code, String reason) {
        byte[] r = reason.getBytes(StandardCharsets.UTF_8);
        byte[] p = new byte[2 + r.length];
        p[0] = (byte) (code >> 8);
        p[1] = (byte) code;
        System.arraycopy(r, 0, p, 2, r.length);
        return frame(CLOSE, p);
    }

    /** A final, unmasked server frame. */
    static byte[] frame(int opcode, byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(payload.length + 10);
        out.write(0x80 | opcode);
        if (payload.length < 126) out.write(payload.length);
        else if (payload.length < 65536) {
            out.write(126);
            out.write(payload.length >> 8);
            out.write(payload.length);
        } else {
            out.write(127);
            for (int i = 7; i >= 0; i--) out.write((int) ((long) payload.length >> (8 * i)));
        }
        out.writeBytes(payload);
        return out.toByteArray();
    }
}
