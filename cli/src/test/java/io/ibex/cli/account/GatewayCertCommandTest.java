package io.ibex.cli.account;

import io.ibex.gateway.PinnedTls;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class GatewayCertCommandTest {
    private static final String STOCK_CONF = """
        ip2loc: "US"
        proxyRemoteSsl: true
        proxyRemoteHost: "https://api.ibkr.com"
        listenPort: 5000
        listenSsl: true
        svcEnvironment: "v1"
        sslCert: "vertx.jks"
        sslPwd: "mywebapi"
        authDelay: 3000
        ips:
          allow:
            - 192.*
            - 127.0.0.1
        """;

    @Test
    void certWritesAKeystoreRewritesConfYamlKeepingABackupAndStoresAPemThatPinsIt(@TempDir Path dir) throws Exception {
        Path gw = dir.resolve("clientportal.gw");
        Files.createDirectories(gw.resolve("root"));
        Files.writeString(gw.resolve("root/conf.yaml"), STOCK_CONF);
        Path pem = dir.resolve("home/.ibex/gateway.pem");

        CliRun r = CliRun.run(null, new GatewayCertCommand(), "--gateway-dir", gw.toString(), "--pem", pem.toString());

        assertThat(r.exit()).as(r.err()).isZero();
        List<String> conf = Files.readAllLines(gw.resolve("root/conf.yaml"));
        assertThat(conf).contains("sslCert: \"ibex-gateway.jks\"", "listenPort: 5000", "    - 127.0.0.1");
        String pwdLine = conf.stream().filter(l -> l.startsWith("sslPwd:")).findFirst().orElseThrow();
        assertThat(pwdLine).doesNotContain("mywebapi").matches("sslPwd: \"[0-9a-f]{36}\"");
        String password = pwdLine.substring(pwdLine.indexOf('"') + 1, pwdLine.lastIndexOf('"'));
        try (var backups = Files.list(gw.resolve("root"))) {
            Path backup = backups.filter(p -> p.getFileName().toString().startsWith("conf.yaml.ibex-backup-")).findFirst().orElseThrow();
            assertThat(Files.readString(backup)).isEqualTo(STOCK_CONF);
        }
        KeyStore ks = KeyStore.getInstance("JKS");
        try (var in = Files.newInputStream(gw.resolve("root/ibex-gateway.jks"))) {
            ks.load(in, password.toCharArray());
        }
        X509Certificate cert = (X509Certificate) ks.getCertificate("gateway");
        assertThat(cert.getSubjectAlternativeNames().stream().map(l -> String.valueOf(l.get(1))).toList()).contains("localhost", "127.0.0.1");
        assertThat(PinnedTls.fromPem(pem)).isNotNull();
        assertThat(Files.readString(pem)).startsWith("-----BEGIN CERTIFICATE-----");
        try (var left = Files.list(gw.resolve("root"))) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp") || n.endsWith("-tmp"));
        }
    }

    @Test
    void theKeyStoreConfYamlAndItsBackupArePrivateBecauseTheyHoldTheKeyAndItsPassword(@TempDir Path dir) throws Exception {
        Path gw = dir.resolve("clientportal.gw");
        Files.createDirectories(gw.resolve("root"));
        Files.writeString(gw.resolve("root/conf.yaml"), STOCK_CONF);
        Files.setPosixFilePermissions(gw.resolve("root/conf.yaml"), PosixFilePermissions.fromString("rw-r--r--"));
        Path pem = dir.resolve("home/.ibex/gateway.pem");
        for (int run = 0; run < 2; run++)                      // the second run's backup holds the first run's password
            assertThat(CliRun.run(null, new GatewayCertCommand(), "--gateway-dir", gw.toString(), "--pem", pem.toString()).exit()).isZero();
        try (var files = Files.list(gw.resolve("root"))) {
            assertThat(files.filter(p -> !p.getFileName().toString().startsWith(".")).toList()).hasSize(4)
                .allSatisfy(p -> assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(p))).as(p.toString()).isEqualTo("rw-------"));
        }
        try (var files = Files.list(gw.resolve("root"))) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".ibex-cert-"));
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(pem.getParent()))).isEqualTo("rwx------");
    }

    @Test
    void aDirectoryWithoutConfYamlIsRefusedAndNothingIsWritten(@TempDir Path dir) throws Exception {
        Path pem = dir.resolve("gateway.pem");
        CliRun r = CliRun.run(null, new GatewayCertCommand(), "--gateway-dir", dir.toString(), "--pem", pem.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("conf.yaml not found").contains("clientportal.gw");
        assertThat(pem).doesNotExist();
    }
}
