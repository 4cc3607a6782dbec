package io.ibex.live.session;

import io.ibex.framework.error.IbexException;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code ibex gateway start|stop|status}: the Client Portal gateway as a local process. */
@Command(name = "gateway", description = {"Start, stop or check the local Client Portal gateway process.",
    "'ibex gateway cert' gives the gateway its own TLS key for ibex to pin."},
    subcommands = io.ibex.live.cli.GatewayCertCommand.class)
public final class GatewayCommand implements Callable<Integer> {
    @Parameters(index = "0", description = "start | stop | status")
    String action;

    @Mixin GatewayOptions gateway;

    @picocli.CommandLine.Option(names = "--wait", description = "seconds to wait for the port (default: ${DEFAULT-VALUE})",
        defaultValue = "60")
    int waitSeconds;

    @Override public Integer call() {
        GatewayProcess process = new GatewayProcess(gateway.gatewayDir);
        try {
            switch (action) {
                case "start" -> {
                    GatewayProcess.Status s = process.start(Duration.ofSeconds(waitSeconds), trustOrDefault());
                    System.out.println("gateway: " + s.describe());
                    if (s.listening()) System.out.println("log in: ibex auth login   (or open " + gateway.gatewayUrl + " in a browser on this machine)");
                    return s.healthy() ? 0 : 1;
                }
                case "stop" -> {
                    boolean stopped = process.stop(Duration.ofSeconds(15));
                    System.out.println(stopped ? "gateway: stopped" : "gateway: not running");
                    return 0;
                }
                case "status" -> {
                    GatewayProcess.Status s = process.status(trustOrDefault());
                    System.out.println("gateway: " + s.describe());
                    return s.healthy() ? 0 : 1;
                }
                default -> {
                    System.err.println("unknown action '" + action + "': use start, stop or status");
                    return 2;
                }
            }
        } catch (IbexException e) {
            System.err.println(e.getMessage());
            return 2;
        }
    }

    private javax.net.ssl.SSLContext trustOrDefault() {
        try {
            return java.nio.file.Files.exists(gateway.gatewayCert) ? gateway.tls() : javax.net.ssl.SSLContext.getDefault();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
