package io.ibex.cli.session;

import io.ibex.session.GatewayProcess;

import io.ibex.framework.error.IbexException;
import java.nio.file.Files;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.concurrent.Callable;
import javax.net.ssl.SSLContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ibex gateway start|stop|status|cert}: the Client Portal gateway as a local process. */
@Command(name = "gateway", description = {"Start, stop or check the local Client Portal gateway process.",
    "'ibex gateway cert' gives the gateway its own TLS key for ibex to pin."},
    subcommands = {GatewayCommand.Start.class, GatewayCommand.Stop.class, GatewayCommand.Status.class,
        io.ibex.cli.account.GatewayCertCommand.class})
public final class GatewayCommand implements Runnable {
    @Spec CommandSpec spec;

    @Override public void run() { spec.commandLine().usage(spec.commandLine().getOut()); }

    /** Shared body: one line on stdout, or the error's one line on stderr with exit code 2. */
    abstract static class Action implements Callable<Integer> {
        @Mixin GatewayOptions gateway;
        @Spec CommandSpec spec;

        @Override public final Integer call() {
            try {
                return run(new GatewayProcess(gateway.gatewayDir));
            } catch (IbexException e) {
                spec.commandLine().getErr().println("ibex: " + e.getMessage());
                spec.commandLine().getErr().flush();
                return 2;
            }
        }

        abstract int run(GatewayProcess process);

        void say(String line) {
            spec.commandLine().getOut().println(line);
            spec.commandLine().getOut().flush();
        }

        /** The pinned cert when there is one; otherwise the JDK default, which still tells TLS from not-TLS. */
        SSLContext trust() {
            try {
                return Files.exists(gateway.gatewayCert) ? gateway.tls() : SSLContext.getDefault();
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Command(name = "start", description = "Run bin/run.sh root/conf.yaml from --gateway-dir and wait for its port.")
    static final class Start extends Action {
        @Option(names = "--wait", description = "Seconds to wait for the port (default: ${DEFAULT-VALUE}).", defaultValue = "60")
        int waitSeconds;

        @Override int run(GatewayProcess process) {
            GatewayProcess.Status s = process.start(Duration.ofSeconds(waitSeconds), trust());
            say("gateway: " + s.describe());
            if (s.listening()) say("log in: ibex auth login   (or open " + gateway.gatewayUrl + " in a browser on this machine)");
            return s.healthy() ? 0 : 1;
        }
    }

    @Command(name = "stop", description = "Terminate the gateway process (found by GatewayStart in its command line).")
    static final class Stop extends Action {
        @Override int run(GatewayProcess process) {
            say(process.stop(Duration.ofSeconds(15)) ? "gateway: stopped" : "gateway: not running");
            return 0;
        }
    }

    @Command(name = "status", description = "Is the gateway running, listening, speaking TLS?")
    static final class Status extends Action {
        @Override int run(GatewayProcess process) {
            GatewayProcess.Status s = process.status(trust());
            say("gateway: " + s.describe());
            return s.healthy() ? 0 : 1;
        }
    }
}
