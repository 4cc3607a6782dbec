package io.ibex.gateway;

import io.ibex.framework.error.ConfigException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the JDK's own {@code keytool} (argv list, never a shell) to make and export a localhost certificate. */
public final class Keytool {
    private Keytool() {}

    /**
     * A new key pair with a self-signed cert for {@code CN=localhost}, SAN {@code DNS:localhost, IP:127.0.0.1}.
     *
     * @param storeType "JKS" for the gateway (its vert.x runs on old Java 8), "PKCS12" elsewhere
     */
    public static void generate(Path keystore, String password, String storeType, int validityDays) {
        run(List.of("-genkeypair", "-alias", "gateway", "-keyalg", "RSA", "-keysize", "2048",
            "-dname", "CN=localhost, O=ibex gateway", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
            "-validity", Integer.toString(validityDays), "-storetype", storeType, "-keystore", keystore.toString(),
            "-storepass", password, "-keypass", password));
    }

    /** Writes the certificate of {@code keystore} (JKS or PKCS12) as PEM; done in-process, no second keytool run. */
    public static void exportPem(Path keystore, String password, Path pem) {
        try (var in = Files.newInputStream(keystore)) {
            java.security.KeyStore ks = java.security.KeyStore.getInstance(java.security.KeyStore.getDefaultType());
            ks.load(in, password.toCharArray());
            java.security.cert.Certificate cert = ks.getCertificate("gateway");
            if (cert == null) throw new ConfigException("key store " + keystore + " has no 'gateway' certificate");
            String base64 = java.util.Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(cert.getEncoded());
            Files.writeString(pem, "-----BEGIN CERTIFICATE-----\n" + base64 + "\n-----END CERTIFICATE-----\n");
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new ConfigException("cannot export the certificate of " + keystore + ": " + e.getMessage());
        }
    }

    private static void run(List<String> args) {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        List<String> argv = new ArrayList<>();
        argv.add(keytool.toString());
        argv.addAll(args);
        try {
            Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new ConfigException("keytool did not finish within 60 s");
            }
            if (p.exitValue() != 0)
                throw new ConfigException("keytool " + args.get(0) + " failed (exit " + p.exitValue() + "): " + out.strip());
        } catch (IOException e) {
            throw new ConfigException("cannot run " + keytool + ": " + e.getMessage() + "; ibex needs a full JDK");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConfigException("interrupted while running keytool");
        }
    }

    static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // best effort clean-up of a temp file
        }
    }
}
