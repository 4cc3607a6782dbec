package io.ibex.live.session;

import io.ibex.live.gateway.PinnedTls;
import java.nio.file.Path;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import picocli.CommandLine.Option;

/** Where the gateway is and which certificate to pin; shared by {@code gateway}, {@code auth} and {@code doctor}. */
public final class GatewayOptions {
    private static final Path HOME = Path.of(System.getProperty("user.home"));

    @Option(names = "--gateway", description = "gateway root URL (default: ${DEFAULT-VALUE})",
        defaultValue = "${env:IBEX_GATEWAY:-https://localhost:5000}")
    public String gatewayUrl;

    @Option(names = "--gateway-cert", description = "PEM certificate the gateway serves, pinned (default: ${DEFAULT-VALUE})",
        defaultValue = "${env:IBEX_GATEWAY_CERT:-${sys:user.home}/.ibex/gateway.pem}")
    public Path gatewayCert;

    @Option(names = "--gateway-dir", description = "unzipped clientportal.gw directory (default: ${DEFAULT-VALUE})",
        defaultValue = "${env:IBEX_GATEWAY_DIR:-${sys:user.home}/clientportal.gw}")
    public Path gatewayDir;

    public SSLContext tls() { return PinnedTls.fromPem(gatewayCert); }

    /** The Feign client (rate-limited, pinned, loopback-only) the session commands use. */
    public io.ibex.live.gateway.GatewayClient client() {
        io.ibex.live.gateway.GatewayClock clock = io.ibex.live.gateway.GatewayClock.SYSTEM;
        return new io.ibex.live.gateway.GatewayClient(io.ibex.live.gateway.GatewayTransport.build(
            io.ibex.live.gateway.GatewayUrlPolicy.checkLoopbackOnly(gatewayUrl), tls(), clock,
            io.ibex.live.gateway.GatewayRateLimiter.ibkrDefaults(clock), Duration.ofSeconds(5), Duration.ofSeconds(20)), clock);
    }

    public GatewayHttp http() { return new GatewayHttp(gatewayUrl.replaceAll("/+$", "") + "/v1/api", tls(), Duration.ofSeconds(15)); }

    static Path home() { return HOME; }
}
