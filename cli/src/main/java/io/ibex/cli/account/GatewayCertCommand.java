package io.ibex.cli.account;

import io.ibex.framework.env.IbexHome;
import io.ibex.framework.error.IbexException;
import io.ibex.gateway.GatewayCertInstaller;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code ibex gateway cert}: replace the gateway's shipped certificate with a fresh one and pin it. */
@Command(name = "cert", description = {"Give your Client Portal gateway its own TLS key and store its certificate for ibex to pin.",
    "The key the gateway ships in vertx.jks is expired and public. Restart the gateway afterwards."})
public final class GatewayCertCommand implements Callable<Integer> {
    @Option(names = "--gateway-dir", required = true, paramLabel = "DIR", description = "The unzipped clientportal.gw directory (holding root/conf.yaml).")
    Path gatewayDir;

    @Option(names = "--pem", paramLabel = "FILE", description = "Where to store the certificate (default gateway.pem in the ibex home, $IBEX_HOME or ~/.ibex).")
    Path pem;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Path target = pem != null ? pem : IbexHome.dir().resolve("gateway.pem");
        try {
            GatewayCertInstaller.Result r = GatewayCertInstaller.install(gatewayDir, target, GatewayClientCommand.clock.now());
            out.println("wrote key store " + r.keystore());
            out.println("updated " + r.confYaml() + " (sslCert, sslPwd); original saved as " + r.backup().getFileName());
            out.println("pinned certificate " + r.pem());
            out.println("restart the gateway (bin/run.sh root/conf.yaml) for it to take effect");
            out.flush();
            return 0;
        } catch (IbexException e) {
            spec.commandLine().getErr().println("ibex: " + e.getMessage());
            spec.commandLine().getErr().flush();
            return 2;
        }
    }
}
