package io.ibex.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

/** The generated certificate (CN/SAN/validity), pinning, and the shipped-style expired certificate. */
class TlsTest {
    @Test void theGeneratedCertificateNamesLocalhostInItsSanAndIsValidForADay() throws Exception {
        try (GatewaySimulator sim = GatewaySimulator.builder().start()) {
            X509Certificate c = sim.certificate();
            assertThat(c.getSubjectX500Principal().getName()).isEqualTo("CN=localhost");
            Collection<List<?>> san = c.getSubjectAlternativeNames();
            assertThat(san.stream().map(l -> String.valueOf(l.get(1))).toList()).containsExactlyInAnyOrder("localhost", "127.0.0.1");
            c.checkValidity();
            assertThat(c.getNotAfter().toInstant()).isBefore(Instant.now().plusSeconds(86_401));
            assertThat(sim.certificatePem()).startsWith("-----BEGIN CERTIFICATE-----\n");
            assertThat(sim.trustStore().getCertificate("ibex-gateway-sim")).isEqualTo(c);
            assertThat(sim.baseUrl()).isEqualTo("https://127.0.0.1:" + sim.port() + "/v1/api");
        }
    }

    @Test void aPinnedClientConnectsWithHostnameCheckingOnAndTheDefaultTrustDoesNot() throws Exception {
        try (GatewaySimulator sim = GatewaySimulator.builder().start()) {
            assertThat(new SimHttp(sim).post("/tickle", "{}").status()).isEqualTo(401);
            HttpClient plain = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpRequest req = HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/tickle")).POST(HttpRequest.BodyPublishers.ofString("{}")).build();
            assertThatThrownBy(() -> plain.send(req, HttpResponse.BodyHandlers.ofString())).isInstanceOf(SSLHandshakeException.class);
        }
    }

    @Test void theShippedStyleCertificateIsExpiredAndHasNoSan() throws Exception {
        try (GatewaySimulator sim = GatewaySimulator.builder().tls(TlsMode.SHIPPED_STYLE).start()) {
            X509Certificate c = sim.certificate();
            assertThat(c.getSubjectX500Principal().getName()).contains("CN=Client Portal Web API").contains("O=Interactive Brokers");
            assertThat(c.getSubjectAlternativeNames()).isNull();
            assertThat(c.getNotAfter().toInstant()).isEqualTo(Instant.parse("2019-05-11T00:00:00Z"));
            HttpRequest req = HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/tickle")).POST(HttpRequest.BodyPublishers.ofString("{}")).build();
            assertThatThrownBy(() -> new SimHttp(sim).client.send(req, HttpResponse.BodyHandlers.ofString()))
                .as("even pinned, the cert does not name 127.0.0.1, so hostname verification refuses it")
                .isInstanceOf(SSLHandshakeException.class);
        }
    }

    @Test void plainHttpExistsForDebugging() {
        try (GatewaySimulator sim = GatewaySimulator.builder().tls(TlsMode.PLAIN_HTTP).start()) {
            assertThat(sim.rootUrl()).startsWith("http://");
            assertThatThrownBy(sim::certificatePem).isInstanceOf(IllegalStateException.class);
        }
    }
}
