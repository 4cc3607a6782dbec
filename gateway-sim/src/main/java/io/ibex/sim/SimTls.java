package io.ibex.sim;

import io.ibex.framework.files.FileModes;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.random.RandomGenerator;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;

/**
 * Generates the simulator's certificate in pure JDK code (a DER-encoded TBSCertificate signed with the JDK's
 * {@link Signature}); no keytool process per start and no Bouncy Castle.
 */
final class SimTls {
    private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'").withZone(ZoneOffset.UTC);

    private final X509Certificate certificate;
    private final SSLContext sslContext;

    /**
     * A fresh key pair per start, so that pinning one simulator's certificate never trusts another's (a shared key
     * would make every simulator's self-signed certificate verify against any other's). EC P-256: generating it takes
     * about a millisecond, where RSA-2048 can take a second on a small machine.
     */
    private static KeyPair freshKeyPair() {
        try {
            KeyPairGenerator kpg = KeyPairGenerator.getInstance("EC");
            kpg.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"));
            return kpg.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate an EC key pair: " + e.getMessage(), e);
        }
    }

    private SimTls(X509Certificate certificate, SSLContext sslContext) {
        this.certificate = certificate;
        this.sslContext = sslContext;
    }

    /** @param now wall time; the generated cert is valid from an hour before it for one day */
    static SimTls generate(TlsMode mode, Instant now, RandomGenerator random) {
        try {
            KeyPair kp = freshKeyPair();
            boolean shipped = mode == TlsMode.SHIPPED_STYLE;
            String cn = shipped ? "Client Portal Web API" : "localhost";
            byte[] name = shipped
                ? Der.seq(rdn("2.5.4.6", "US"), rdn("2.5.4.10", "Interactive Brokers"), rdn("2.5.4.3", cn))
                : Der.seq(rdn("2.5.4.3", cn));
            String from = shipped ? "190210000000Z" : UTC_TIME.format(now.minusSeconds(3600));
            String to = shipped ? "190511000000Z" : UTC_TIME.format(now.plusSeconds(86_400));
            byte[] algorithm = Der.seq(Der.oid("1.2.840.10045.4.3.2"));   // ecdsa-with-SHA256, no parameters
            byte[] serial = Der.integer(BigInteger.valueOf(random.nextLong() & Long.MAX_VALUE).add(BigInteger.ONE));
            byte[] validity = Der.seq(Der.utcTime(from), Der.utcTime(to));
            byte[] version = Der.tlv(0xa0, Der.integer(BigInteger.TWO));
            byte[] tbs;
            if (shipped) {
                tbs = Der.seq(version, serial, algorithm, name, validity, name, kp.getPublic().getEncoded());
            } else {
                byte[] san = Der.seq(Der.tlv(0x82, "localhost".getBytes(StandardCharsets.US_ASCII)),
                    Der.tlv(0x87, new byte[] {127, 0, 0, 1}));
                byte[] extensions = Der.tlv(0xa3, Der.seq(Der.seq(Der.oid("2.5.29.17"), Der.octets(san))));
                tbs = Der.seq(version, serial, algorithm, name, validity, name, kp.getPublic().getEncoded(), extensions);
            }
            Signature signer = Signature.getInstance("SHA256withECDSA");
            signer.initSign(kp.getPrivate());
            signer.update(tbs);
            byte[] der = Der.seq(tbs, algorithm, Der.bitString(signer.sign()));
            X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(der));
            SSLContext ctx = SSLContext.getInstance("TLS");
            // A key manager over the in-memory key: a PKCS12 key entry would PBE-encrypt and decrypt the key
            // (PBKDF2, thousands of iterations) on every start for nothing.
            ctx.init(new KeyManager[] {new FixedKeyManager(kp.getPrivate(), cert)}, null, null);
            return new SimTls(cert, ctx);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate the simulator's TLS certificate: " + e.getMessage(), e);
        }
    }

    private static byte[] rdn(String oid, String value) {
        return Der.set(Der.seq(Der.oid(oid), Der.utf8(value)));
    }

    X509Certificate certificate() { return certificate; }

    SSLContext sslContext() { return sslContext; }

    /** A PKCS12 trust store holding only this certificate (no password). */
    KeyStore trustStore() {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setCertificateEntry("ibex-gateway-sim", certificate);
            return ks;
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("cannot build the simulator trust store: " + e.getMessage(), e);
        }
    }

    String pem() {
        try {
            return "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(certificate.getEncoded())
                + "\n-----END CERTIFICATE-----\n";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path writePem(String pem, Path file) {
        try {
            return Files.writeString(file, pem);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot write the simulator certificate to " + file + ": " + e.getMessage(), e);
        }
    }

    static Path writePemPrivately(String pem, Path tempRoot) {
        try {
            Path dir = Files.createTempDirectory(tempRoot, "ibex-gateway-sim-",
                FileModes.attribute(FileModes.PRIVATE_DIR));
            Path file = FileModes.createPrivateFile(dir.resolve("gateway-sim.pem"));
            Files.writeString(file, pem, StandardOpenOption.WRITE);
            return file;
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot write the simulator certificate under " + tempRoot + ": " + e.getMessage(), e);
        }
    }

    /** A fresh random token of 24 bytes, hex. */
    static String newToken() {
        byte[] b = new byte[24];
        new java.security.SecureRandom().nextBytes(b);
        return java.util.HexFormat.of().formatHex(b);
    }
}
