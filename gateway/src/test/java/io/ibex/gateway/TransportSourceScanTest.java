package io.ibex.gateway;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** reliability.md S1/S10: no trust-all TLS, no disabled hostname check, no Feign FULL logging, no default retryer. */
class TransportSourceScanTest {
    private static final List<Pattern> FORBIDDEN = List.of(
        Pattern.compile("checkServerTrusted\\([^)]*\\)\\s*\\{\\s*}"),
        Pattern.compile("\\(\\s*\\w+\\s*,\\s*\\w+\\s*\\)\\s*->\\s*true"),
        Pattern.compile("NoopHostnameVerifier|TrustAllStrategy|InsecureTrustManagerFactory"),
        Pattern.compile("disableHostnameVerification"),
        Pattern.compile("Logger\\.Level\\.(FULL|HEADERS)"),
        Pattern.compile("new\\s+Retryer\\.Default"));

    @Test
    void productionSourcesContainNoTrustAllNoHostnameBypassNoVerboseFeignLogAndNoDefaultRetryer() throws IOException {
        Path main = Path.of("src/main/java");
        assertThat(main).isDirectory();
        try (Stream<Path> files = Files.walk(main)) {
            List<String> hits = files.filter(p -> p.toString().endsWith(".java")).flatMap(p -> {
                try {
                    String src = Files.readString(p);
                    return FORBIDDEN.stream().filter(f -> f.matcher(src).find()).map(f -> p + ": " + f.pattern());
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
            assertThat(hits).isEmpty();
        }
    }

    @Test
    void theScanWouldCatchATrustAllManager() {
        String bad = "public void checkServerTrusted(X509Certificate[] c, String a) { }";
        assertThat(FORBIDDEN.get(0).matcher(bad).find()).isTrue();
        assertThat(FORBIDDEN.get(1).matcher("builder.hostnameVerifier((h, s) -> true)").find()).isTrue();
    }
}
