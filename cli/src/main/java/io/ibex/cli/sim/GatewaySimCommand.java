package io.ibex.cli.sim;

import io.ibex.sim.DemoMarket;
import io.ibex.sim.GatewaySimulator;
import io.ibex.sim.PacingMode;
import io.ibex.sim.PriceScript;
import io.ibex.sim.Scenarios;
import io.ibex.sim.SessionState;
import io.ibex.sim.SimClock;
import io.ibex.sim.SimulatorBuilder;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ibex gateway-sim}: the gateway simulator as a standalone HTTPS server on 127.0.0.1. */
@Command(name = "gateway-sim", mixinStandardHelpOptions = true,
    description = "Run the IBKR Client Portal gateway simulator on 127.0.0.1 (HTTPS, fresh self-signed cert).")
public final class GatewaySimCommand implements Callable<Integer> {
    private static final DateTimeFormatter HMS = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    @Option(names = "--port", defaultValue = "5000", description = "Port to listen on (0 = any free port; default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--scenario", paramLabel = "FILE", description = "JSON scenario: {\"strict\":true,\"pacing\":\"ENFORCE\",\"faults\":[...],\"loginPolicy\":{...}}.")
    Path scenario;

    @Option(names = "--sim-data", paramLabel = "SRC", defaultValue = "sample:aapl-2013",
        description = "Bars that price AAPL, replayed one tick per second and looped (sample:NAME or a CSV file; default ${DEFAULT-VALUE}).")
    String simData;

    @Option(names = "--start", defaultValue = "authenticated", description = "Session state at start: authenticated | unauthenticated (default ${DEFAULT-VALUE}).")
    String start;

    @Option(names = "--seed", defaultValue = "1", description = "Seed for ids and the random-walk instruments (default ${DEFAULT-VALUE}).")
    long seed;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        GatewaySimulator sim;
        try {
            sim = startSimulator();
        } catch (IllegalArgumentException | IllegalStateException e) {
            spec.commandLine().getErr().println("gateway-sim: " + e.getMessage());
            return 2;
        }
        Path pem = sim.writeCertificatePemPrivately(Path.of(System.getProperty("java.io.tmpdir")));
        banner(out, sim, pem);
        sim.journal().onEntry(e -> {
            out.println(LocalTime.now().format(HMS) + " INFO  " + e.method() + " " + redact(e.path(), sim.accountId())
                + (e.query().isEmpty() ? "" : "?" + e.query())
                + " -> " + (e.status() == 0 ? "no answer" : e.status()) + " (" + e.elapsedMillis() + " ms)"
                + (e.faultApplied() == null ? "" : " fault: " + e.faultApplied()));
            out.flush();
        });
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            sim.close();
            deleteQuietly(pem);
            deleteQuietly(pem.getParent());
            out.println("gateway-sim stopped.");
            out.flush();
            stopped.countDown();
        }, "gateway-sim-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            sim.close();
        }
        return 0;
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // the private temp directory is left behind; nothing in it is secret
        }
    }

    /** Account ids never appear whole in log lines, not even in URL paths (reliability.md P6). */
    static String redact(String path, String accountId) {
        String masked = accountId.length() <= 4 ? "****" : accountId.substring(0, 2) + "****" + accountId.substring(accountId.length() - 2);
        return path.replace(accountId, masked);
    }

    /** Builds and starts the simulator the options describe (also used by tests, with --port 0). */
    GatewaySimulator startSimulator() {
        SessionState initial = switch (start.toLowerCase()) {
            case "authenticated" -> SessionState.AUTHENTICATED;
            case "unauthenticated" -> SessionState.UNAUTHENTICATED;
            default -> throw new IllegalArgumentException("--start must be authenticated or unauthenticated, was '" + start + "'");
        };
        if (port < 0 || port > 65535) throw new IllegalArgumentException("--port must be 0..65535, was " + port);
        JsonNode sc = readScenario();
        SimulatorBuilder b = DemoMarket.builder(seed, PriceScript.replay(loadBars(), Duration.ofSeconds(1)))
            .clock(SimClock.system()).port(port).initialSession(initial);
        if (sc != null) {
            if (sc.path("strict").asBoolean(false)) b.strict(true);
            if (sc.hasNonNull("pacing")) b.pacing(PacingMode.valueOf(sc.get("pacing").asText().toUpperCase()));
        }
        GatewaySimulator sim = DemoMarket.openAll(b.start());
        if (sc != null) applyScenario(sim, sc);
        return sim;
    }

    private io.ibex.framework.domain.Bars loadBars() {
        try {
            return io.ibex.data.BarSources.load(simData, null);
        } catch (io.ibex.framework.error.IbexException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private JsonNode readScenario() {
        if (scenario == null) return null;
        String text;
        try {
            text = Files.readString(scenario);
        } catch (IOException e) {
            throw new IllegalArgumentException(scenario + ": cannot read scenario (" + e.getMessage() + ")");
        }
        JsonNode n = Scenarios.parse(text);
        if (n == null) throw new IllegalArgumentException(scenario + ":1 not a JSON object");
        return n;
    }

    private void applyScenario(GatewaySimulator sim, JsonNode sc) {
        try {
            Scenarios.apply(sim, sc);
        } catch (IllegalArgumentException e) {
            sim.close();
            throw new IllegalArgumentException(e.getMessage().startsWith(String.valueOf(scenario)) ? e.getMessage() : scenario + ": " + e.getMessage());
        }
    }

    private static void banner(PrintWriter out, GatewaySimulator sim, Path pem) {
        String acct = sim.accountId();   // a fixed, simulated id: the curl examples need it in full
        out.println("ibex gateway-sim: IBKR Client Portal gateway simulator (no real account, no real money)");
        out.println("  base URL     " + sim.baseUrl());
        out.println("  certificate  " + pem + "   (pin it, or use curl -k)");
        out.println("  account      " + acct + " (simulated paper account, 1,000,000 USD)");
        out.println("  session      " + sim.session().state() + "; admin API under " + sim.rootUrl() + "/__sim");
        out.println("  admin token  " + sim.adminToken() + "   (send it as X-Sim-Token: to /__sim; new at every start)");
        out.println("  try          curl -k -X POST " + sim.baseUrl() + "/tickle -H 'Content-Type: application/json' -d '{}'");
        out.println("  stop         Ctrl-C");
        out.flush();
    }
}
