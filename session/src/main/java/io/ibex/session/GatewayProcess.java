package io.ibex.session;

import io.ibex.framework.error.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Starts, finds and stops the Client Portal gateway the way IBeam does: {@code bash bin/run.sh root/conf.yaml} from the
 * gateway directory (argv list, no shell string), found again by {@code GatewayStart} in its command line.
 */
public final class GatewayProcess {
    /** IBeam finds and kills the gateway by this string in the command line (ibkr-gateway.md §9). */
    public static final String MATCH = "ibgroup.web.core.clientportal.gw.GatewayStart";
    private static final Pattern LISTEN_PORT = Pattern.compile("(?m)^\\s*listenPort\\s*:\\s*(\\d+)");

    private final Path gatewayDir;
    private final String matchString;

    public GatewayProcess(Path gatewayDir) { this(gatewayDir, MATCH); }

    GatewayProcess(Path gatewayDir, String matchString) {
        this.gatewayDir = gatewayDir.toAbsolutePath().normalize();
        this.matchString = matchString;
    }

    public Path directory() { return gatewayDir; }

    /** {@code listenPort} from root/conf.yaml, 5000 when absent. */
    public int port() {
        Path conf = gatewayDir.resolve("root/conf.yaml");
        try {
            Matcher m = LISTEN_PORT.matcher(Files.readString(conf));
            return m.find() ? Integer.parseInt(m.group(1)) : 5000;
        } catch (IOException e) {
            return 5000;
        }
    }

    public void checkLayout() {
        if (!Files.isDirectory(gatewayDir))
            throw new ConfigException(gatewayDir + ": gateway directory not found. Fix: download"
                + " https://download2.interactivebrokers.com/portal/clientportal.gw.zip and unzip it there, or pass --gateway-dir");
        for (String needed : List.of("bin/run.sh", "root/conf.yaml"))
            if (!Files.isRegularFile(gatewayDir.resolve(needed)))
                throw new ConfigException(gatewayDir + ": not a Client Portal gateway directory (" + needed + " is missing)."
                    + " Fix: unzip clientportal.gw.zip there, or pass the right --gateway-dir");
    }

    public Optional<ProcessHandle> find() {
        return ProcessHandle.allProcesses()
            .filter(p -> p.info().commandLine().map(c -> c.contains(matchString)).orElse(false))
            .findFirst();
    }

    /** What {@code ibex gateway status} prints. */
    public record Status(Optional<Long> pid, int port, boolean listening, GatewayProbe.Tls tls) {
        public String describe() {
            if (pid.isEmpty() && !listening) return "not running (port " + port + " closed). Start it: ibex gateway start";
            if (pid.isEmpty()) return "port " + port + " in use by another program (no " + MATCH + " process). Fix:"
                + " stop that program or change listenPort in root/conf.yaml";
            if (!listening) return "starting (pid " + pid.get() + "), port " + port + " not answering yet";
            return switch (tls) {
                case HANDSHAKE_FAILED -> "running (pid " + pid.get() + ") but TLS handshake failed on port " + port
                    + ". Fix: check listenSsl: true and sslCert in root/conf.yaml";
                case UNTRUSTED_CERTIFICATE, TRUSTED -> "running (pid " + pid.get() + ") on https://localhost:" + port;
                case NOT_LISTENING -> "starting (pid " + pid.get() + ")";
            };
        }

        public boolean healthy() { return pid.isPresent() && listening && tls != GatewayProbe.Tls.HANDSHAKE_FAILED; }
    }

    public Status status(javax.net.ssl.SSLContext trust) {
        int port = port();
        boolean listening = GatewayProbe.listening("127.0.0.1", port);
        GatewayProbe.Tls tls = listening ? GatewayProbe.tls("127.0.0.1", port, trust) : GatewayProbe.Tls.NOT_LISTENING;
        return new Status(find().map(ProcessHandle::pid), port, listening, tls);
    }

    /**
     * Runs {@code bash bin/run.sh root/conf.yaml} with the gateway directory as working directory, its console appended to
     * {@code logs/ibex-console.log}, and waits (bounded) until its port answers.
     */
    public Status start(Duration wait, javax.net.ssl.SSLContext trust) {
        checkLayout();
        Optional<ProcessHandle> running = find();
        if (running.isPresent()) return status(trust);
        int port = port();
        if (GatewayProbe.listening("127.0.0.1", port))
            throw new ConfigException("port " + port + " is in use by another program, so the gateway cannot listen there."
                + " Fix: stop that program or set another listenPort in " + gatewayDir.resolve("root/conf.yaml"));
        Path bash = XvfbDisplay.findOnPath(System.getenv().getOrDefault("PATH", "/usr/bin:/bin"), "bash")
            .orElse(Path.of("/bin/bash"));
        try {
            Files.createDirectories(gatewayDir.resolve("logs"));
            new ProcessBuilder(List.of(bash.toString(), "bin/run.sh", "root/conf.yaml"))
                .directory(gatewayDir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(gatewayDir.resolve("logs/ibex-console.log").toFile()))
                .start();
        } catch (IOException e) {
            throw new ConfigException("cannot start " + gatewayDir.resolve("bin/run.sh") + ": " + e.getMessage());
        }
        long deadline = System.nanoTime() + wait.toNanos();       // waiting on an outside process: wall time is the point
        while (System.nanoTime() < deadline && !GatewayProbe.listening("127.0.0.1", port)) pause();
        return status(trust);
    }

    /** Terminates the gateway found by its command line; true if one was running. */
    public boolean stop(Duration grace) {
        Optional<ProcessHandle> p = find();
        if (p.isEmpty()) return false;
        ProcessHandle h = p.get();
        h.descendants().forEach(ProcessHandle::destroy);
        h.destroy();
        try {
            h.onExit().get(grace.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            h.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e);
        }
        return true;
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
