package io.ibex.gateway;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;

/** A localhost key pair made once per JVM with the production {@link Keytool}; PKCS12 key store plus its PEM. */
public record TestCert(Path keystore, String password, Path pem) {
    private static TestCert pinned;
    private static TestCert other;

    public static synchronized TestCert pinned() {
        if (pinned == null) pinned = make("pinned");
        return pinned;
    }

    /** A second, equally valid localhost cert that is NOT the pinned one. */
    public static synchronized TestCert other() {
        if (other == null) other = make("other");
        return other;
    }

    private static TestCert make(String name) {
        try {
            Path dir = Files.createTempDirectory("ibex-cert-" + name);
            dir.toFile().deleteOnExit();
            Path ks = dir.resolve(name + ".p12");
            Path pem = dir.resolve(name + ".pem");
            Keytool.generate(ks, "changeit", "PKCS12", 2);
            Keytool.exportPem(ks, "changeit", pem);
            return new TestCert(ks, "changeit", pem);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    KeyStore load() throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            ks.load(in, password.toCharArray());
        }
        return ks;
    }
}
