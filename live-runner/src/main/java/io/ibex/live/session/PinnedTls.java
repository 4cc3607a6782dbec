package io.ibex.live.session;

import io.ibex.framework.error.ConfigException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** An SSLContext that trusts only the given PEM certificate(s): the gateway's own cert is pinned, nothing else (no trust-all). */
public final class PinnedTls {
    private PinnedTls() {}

    public static SSLContext fromPemFile(Path pem) {
        try {
            return fromPem(Files.readString(pem, StandardCharsets.US_ASCII), pem.toString());
        } catch (NoSuchFileException e) {
            throw new ConfigException(pem + ": gateway certificate not found. Fix: ibex gateway cert --gateway-dir <dir> --pem "
                + pem + " (gives the gateway its own TLS key and pins it), or pass --gateway-cert FILE");
        } catch (IOException e) {
            throw new ConfigException(pem + ": cannot read the gateway certificate (" + e.getMessage() + ")");
        }
    }

    public static SSLContext fromPem(String pem, String origin) {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            int i = 0;
            for (Certificate cert : CertificateFactory.getInstance("X.509")
                .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))) {
                ks.setCertificateEntry("pinned-" + i++, cert);
            }
            if (i == 0) throw new ConfigException(origin + ": no PEM certificate inside");
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(ks);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx;
        } catch (IOException | GeneralSecurityException e) {
            throw new ConfigException(origin + ": not a PEM certificate (" + e.getMessage() + ")");
        }
    }
}
