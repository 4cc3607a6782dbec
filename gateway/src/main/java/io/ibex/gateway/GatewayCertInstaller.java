package io.ibex.gateway;

import io.ibex.framework.error.ConfigException;
import io.ibex.framework.files.FileModes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Replaces the gateway's shipped, expired, publicly known {@code vertx.jks} with a fresh localhost key pair:
 * writes {@code root/ibex-gateway.jks}, points {@code sslCert}/{@code sslPwd} of {@code root/conf.yaml} at it
 * (the original is kept as {@code conf.yaml.ibex-backup-<time>}), and stores the certificate as PEM for pinning.
 * Everything is built in a private (0700) temp directory first, so a failure leaves the gateway directory as it was;
 * the key store, conf.yaml (it holds the key store's password) and the backup end up 0600.
 */
public final class GatewayCertInstaller {
    static final String KEYSTORE_NAME = "ibex-gateway.jks";
    private static final Pattern SSL_CERT = Pattern.compile("^(\\s*)sslCert\\s*:.*$");
    private static final Pattern SSL_PWD = Pattern.compile("^(\\s*)sslPwd\\s*:.*$");

    /** What was written. */
    public record Result(Path keystore, Path confYaml, Path backup, Path pem) {}

    private GatewayCertInstaller() {}

    public static Result install(Path gatewayDir, Path pemOut, Instant now) {
        Path root = gatewayDir.resolve("root");
        Path conf = root.resolve("conf.yaml");
        if (!Files.isRegularFile(conf))
            throw new ConfigException(conf + " not found; --gateway-dir must be the unzipped clientportal.gw directory"
                + " (the one holding bin/ and root/)");
        String password = HexFormat.of().formatHex(random(18));
        Path keystore = root.resolve(KEYSTORE_NAME);
        Path tmpPem = pemOut.resolveSibling(pemOut.getFileName() + ".tmp");
        Path work = null;
        try {
            FileModes.createPrivateDirectories(pemOut.toAbsolutePath().getParent());
            work = Files.createTempDirectory(root, ".ibex-cert-", FileModes.attribute(FileModes.PRIVATE_DIR));
            Path tmpStore = FileModes.makePrivate(generate(work.resolve(KEYSTORE_NAME), password));
            Keytool.exportPem(tmpStore, password, tmpPem);
            FileModes.makePrivate(tmpPem);
            List<String> lines = Files.readAllLines(conf, StandardCharsets.UTF_8);
            Path tmpConf = FileModes.writePrivate(work.resolve("conf.yaml"),
                String.join("\n", rewrite(lines, KEYSTORE_NAME, password)).concat("\n").getBytes(StandardCharsets.UTF_8));
            String stamp = "conf.yaml.ibex-backup-" + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(now);
            Path backup = root.resolve(stamp);
            for (int n = 2; Files.exists(backup); n++) backup = root.resolve(stamp + "-" + n);   // two runs in one second keep both
            FileModes.writePrivate(backup, Files.readAllBytes(conf));     // an earlier run's sslPwd may be in it
            Files.move(tmpStore, keystore, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Files.move(tmpPem, pemOut, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Files.move(tmpConf, conf, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return new Result(keystore, conf, backup, pemOut);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new ConfigException("could not install the gateway certificate in " + root + ": " + e.getMessage());
        } finally {
            Keytool.deleteQuietly(tmpPem);
            if (work != null) {
                Keytool.deleteQuietly(work.resolve(KEYSTORE_NAME));
                Keytool.deleteQuietly(work.resolve("conf.yaml"));
                Keytool.deleteQuietly(work);
            }
        }
    }

    private static Path generate(Path keystore, String password) {
        Keytool.generate(keystore, password, "JKS", 825);
        return keystore;
    }

    /** Sets {@code sslCert} and {@code sslPwd} (keeping indentation and every other line), adding them if missing. */
    static List<String> rewrite(List<String> lines, String keystoreName, String password) {
        List<String> out = new ArrayList<>();
        boolean cert = false;
        boolean pwd = false;
        for (String line : lines) {
            var c = SSL_CERT.matcher(line);
            var p = SSL_PWD.matcher(line);
            if (c.matches()) {
                out.add(c.group(1) + "sslCert: \"" + keystoreName + "\"");
                cert = true;
            } else if (p.matches()) {
                out.add(p.group(1) + "sslPwd: \"" + password + "\"");
                pwd = true;
            } else {
                out.add(line);
            }
        }
        if (!cert) out.add("sslCert: \"" + keystoreName + "\"");
        if (!pwd) out.add("sslPwd: \"" + password + "\"");
        return out;
    }

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        new SecureRandom().nextBytes(b);
        return b;
    }
}
