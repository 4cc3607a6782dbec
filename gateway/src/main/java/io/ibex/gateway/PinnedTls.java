package io.ibex.gateway;

import io.ibex.framework.error.ConfigException;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;

/**
 * TLS that trusts exactly the pinned gateway certificate(s) and nothing else: not the JDK's CA list, never
 * "trust all". Hostname verification stays on (the JDK HttpClient does it), so the cert needs SAN localhost /
 * 127.0.0.1 ({@code ibex gateway cert} makes such a cert).
 */
public final class PinnedTls {
    private PinnedTls() {}

    /** An SSLContext trusting only the certificates in a PEM file. */
    public static SSLContext fromPem(Path pem) {
        try (InputStream in = Files.newInputStream(pem)) {
            return fromCertificates(CertificateFactory.getInstance("X.509").generateCertificates(in), pem.toString());
        } catch (NoSuchFileException e) {
            throw new ConfigException("gateway certificate " + pem + " does not exist; create one with `ibex gateway cert"
                + " --gateway-dir DIR` or point --gateway-cert / IBEX_GATEWAY_CERT at the gateway's PEM");
        } catch (IOException | GeneralSecurityException e) {
            throw new ConfigException("gateway certificate " + pem + " is not a readable PEM certificate: " + e.getMessage());
        }
    }

    /** An SSLContext trusting only the certificates in {@code pemText}; {@code origin} names it in error messages. */
    public static SSLContext fromPemText(String pemText, String origin) {
        try {
            return fromCertificates(CertificateFactory.getInstance("X.509").generateCertificates(
                new java.io.ByteArrayInputStream(pemText.getBytes(java.nio.charset.StandardCharsets.US_ASCII))), origin);
        } catch (GeneralSecurityException e) {
            throw new ConfigException("gateway certificate " + origin + " is not a readable PEM certificate: " + e.getMessage());
        }
    }

    /** An SSLContext trusting only the given key store's certificates (e.g. the simulator's trust store). */
    public static SSLContext fromTrustStore(KeyStore trustStore) {
        try {
            return context(trustStore);
        } catch (GeneralSecurityException e) {
            throw new ConfigException("gateway trust store unusable: " + e.getMessage());
        }
    }

    static SSLContext fromCertificates(Collection<? extends Certificate> certs, String source) throws GeneralSecurityException {
        if (certs.isEmpty()) throw new ConfigException("gateway certificate " + source + " holds no certificate");
        KeyStore store = KeyStore.getInstance("PKCS12");
        try {
            store.load(null, null);
        } catch (IOException e) {
            throw new GeneralSecurityException(e);
        }
        int i = 0;
        for (Certificate c : certs) store.setCertificateEntry("gateway-" + i++, c);
        return context(store);
    }

    private static SSLContext context(KeyStore store) throws GeneralSecurityException {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(store);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx;
    }
}
