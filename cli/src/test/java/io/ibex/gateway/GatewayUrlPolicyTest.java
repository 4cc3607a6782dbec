package io.ibex.gateway;

import io.ibex.framework.error.ConfigException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GatewayUrlPolicyTest {
    @ParameterizedTest
    @ValueSource(strings = {"https://localhost:5000", "https://127.0.0.1:5000", "https://[::1]:5000", "https://LOCALHOST:5000/",
        "https://127.0.0.2:5000"})
    void loopbackUrlsAreAccepted(String url) {
        assertThat(GatewayUrlPolicy.check(url, false).getPort()).isEqualTo(5000);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://10.0.0.5:5000", "https://localhost.example.com:5000", "https://127.0.0.1.nip.io:5000",
        "https://[::ffff:a00:5]:5000", "https://127.0.0.1@evil:5000", "https://user:pw@localhost:5000",
        "https://0x7f.0.0.1:5000", "https://127.1:5000", "https://evil.com:5000"})
    void nonLoopbackOrDisguisedUrlsAreRefusedWithAnActionableMessage(String url) {
        assertThatThrownBy(() -> GatewayUrlPolicy.check(url, false))
            .isInstanceOf(ConfigException.class).hasMessageContaining(url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:5000", "localhost:5000", "https://localhost:5000/v1/api", "https://"})
    void plainHttpMissingSchemeAndPathsAreRefused(String url) {
        assertThatThrownBy(() -> GatewayUrlPolicy.check(url, false)).isInstanceOf(ConfigException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://10.0.0.5:5000", "https://gateway.internal:5000"})
    void remoteHostsPassOnlyWithTheExplicitFlag(String url) {
        assertThat(GatewayUrlPolicy.check(url, true).getScheme()).isEqualTo("https");
    }

    @org.junit.jupiter.api.Test
    void userInfoIsRefusedEvenWithTheRemoteFlag() {
        assertThatThrownBy(() -> GatewayUrlPolicy.check("https://127.0.0.1@evil:5000", true))
            .isInstanceOf(ConfigException.class).hasMessageContaining("user info");
    }

    @org.junit.jupiter.api.Test
    void commandsWithoutTheRemoteOptionNeverSuggestIt() {
        assertThatThrownBy(() -> GatewayUrlPolicy.checkLoopbackOnly("https://gw.example.com:5000"))
            .isInstanceOf(ConfigException.class).hasMessageContaining("ssh -L 5000:localhost:5000 gw.example.com")
            .message().doesNotContain("--allow-remote-gateway");
        assertThatThrownBy(() -> GatewayUrlPolicy.check("https://gw.example.com:5000", false))
            .hasMessageContaining("--allow-remote-gateway");
    }

    @org.junit.jupiter.api.Test
    void liveHasNoRemoteOptionSoItUsesTheLoopbackOnlyCheck() {
        picocli.CommandLine live = new picocli.CommandLine(new io.ibex.cli.live.LiveCommand());
        assertThat(live.getCommandSpec().findOption("--allow-remote-gateway")).isNull();
    }
}
