package io.ibex.cli.account;

import io.ibex.framework.env.IbexHome;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** Options shared by every command that talks to the gateway. */
public final class GatewayClientOptions {
    @Option(names = "--gateway", paramLabel = "URL|sim", defaultValue = "${env:IBEX_GATEWAY:-https://localhost:5000}",
        description = "Gateway root URL, or 'sim' for the in-process simulator (env IBEX_GATEWAY; default ${DEFAULT-VALUE}).")
    String gateway;

    @Option(names = "--gateway-cert", paramLabel = "PEM", defaultValue = "${env:IBEX_GATEWAY_CERT}",
        description = "PEM certificate of the gateway to pin (env IBEX_GATEWAY_CERT; default ~/.ibex/gateway.pem, made by 'ibex gateway cert').")
    Path gatewayCert;

    @Option(names = "--allow-remote-gateway", description = "Allow a gateway that is not on loopback (it still must match the pinned certificate).")
    boolean allowRemote;

    @Option(names = "--account", paramLabel = "ID", description = "Account id (default: the gateway's selected account).")
    String account;

    @Option(names = "--json", description = "Print JSON for scripts instead of a table.")
    boolean json;

    Path certPath() {
        return gatewayCert != null ? gatewayCert : IbexHome.dir().resolve("gateway.pem");
    }
}
