package io.ibex.sim;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/** The few DER encodings a self-signed X.509 certificate needs; small enough that no crypto library is needed. */
final class Der {
    private Der() {}

    static byte[] tlv(int tag, byte[]... parts) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        for (byte[] p : parts) content.writeBytes(p);
        byte[] c = content.toByteArray();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int n = c.length;
        if (n < 128) out.write(n);
        else if (n < 256) { out.write(0x81); out.write(n); }
        else if (n < 65536) { out.write(0x82); out.write(n >> 8); out.write(n & 0xff); }
        else { out.write(0x83); out.write(n >> 16); out.write((n >> 8) & 0xff); out.write(n & 0xff); }
        out.writeBytes(c);
        return out.toByteArray();
    }

    static byte[] seq(byte[]... parts) { return tlv(0x30, parts); }
    static byte[] set(byte[]... parts) { return tlv(0x31, parts); }
    static byte[] integer(BigInteger v) { return tlv(0x02, v.toByteArray()); }
    static byte[] nul() { return new byte[] {0x05, 0x00}; }
    static byte[] utf8(String s) { return tlv(0x0c, s.getBytes(StandardCharsets.UTF_8)); }
    static byte[] octets(byte[] b) { return tlv(0x04, b); }
    static byte[] utcTime(String yyMMddHHmmssZ) { return tlv(0x17, yyMMddHHmmssZ.getBytes(StandardCharsets.US_ASCII)); }

    static byte[] bitString(byte[] b) {
        byte[] withPad = new byte[b.length + 1];
        System.arraycopy(b, 0, withPad, 1, b.length);
        return tlv(0x03, withPad);
    }

    static byte[] oid(String dotted) {
        String[] p = dotted.split("\\.");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(Integer.parseInt(p[0]) * 40 + Integer.parseInt(p[1]));
        for (int i = 2; i < p.length; i++) {
            long v = Long.parseLong(p[i]);
            int groups = 1;
            for (long t = v >> 7; t > 0; t >>= 7) groups++;
            for (int g = groups - 1; g >= 0; g--) {
                int b = (int) ((v >> (7 * g)) & 0x7f);
                out.write(g == 0 ? b : b | 0x80);
            }
        }
        return tlv(0x06, out.toByteArray());
    }
}
