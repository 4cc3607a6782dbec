package io.ibex.cli.session;

import io.ibex.session.GatewayHttp;

import io.ibex.framework.env.IbexHome;
import io.ibex.gateway.PinnedTls;
import java.nio.file.Path;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import picocli.CommandLine.Option;

/** Where the gateway is and which certificate to pin; shared by {@code gateway}, {@code auth} and {@code doctor}. */
public final class GatewayOptions {
    @Option(names = "--gateway", description = "Gateway root URL (default: ${DEFAULT-VALUE}).",
        defaultValue = "${env:IBEX_GATEWAY:-https://localhost:5000}")
    public String gatewayUrl;

    @Option(names = "--gateway-cert", description = "PEM certificate the gateway serves, pinned (default: ${DEFAULT-VALUE}).")
    public Path gatewayCert = envOr("IBEX_GATEWAY_CERT", IbexHome.dir().resolve("gateway.pem"));

    @Option(names = "--gateway-dir", description = "Unzipped clientportal.gw directory (default: ${DEFAULT-VALUE}).")
    public Path gatewayDir = envOr("IBEX_GATEWAY_DIR", IbexHome.userHome().resolve("clientportal.gw"));

    public SSLContext tls() { return PinnedTls.fromPem(gatewayCert); }

    /** The Feign client (rate-limited, pinned, loopback-only) the session commands use. */
    public io.ibex.gateway.GatewayClient client() {
        io.ibex.gateway.GatewayClock clock = io.ibex.gateway.GatewayClock.SYSTEM;
        return new io.ibex.gateway.GatewayClient(io.ibex.gateway.GatewayTransport.build(
            io.ibex.gateway.GatewayUrlPolicy.checkLoopbackOnly(gatewayUrl), tls(), clock,
            io.ibex.gateway.GatewayRateLimiter.ibkrDefaults(clock), Duration.ofSeconds(5), Duration.ofSeconds(20)), clock);
    }

    public GatewayHttp http() { return new GatewayHttp(gatewayUrl.replaceAll("/+$", "") + "/v1/api", tls(), Duration.ofSeconds(15)); }

    /** {@code $VAR} when set, else {@code fallback}: the environment override of a default path. */
    static Path envOr(String var, Path fallback) {
        String v = System.getenv(var);
        return v == null || v.isBlank() ? fallback : Path.of(v);
    }
}
