package io.ibex.session;

import io.ibex.framework.error.ConfigException;
import io.ibex.session.alert.AlertEvent;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs IBeam as a child process (argv list, no shell) and judges it by its log lines and health routes, never by its exit
 * code (IBeam exits 0 whatever happened). Credentials go from the private {@code .env} straight into the child's
 * environment; every relayed line passes the {@link Redactor}. After a rejected login it refuses to try again until
 * the {@link LoginBudget} is reset (no lock-out loops, across processes when the budget is shared), and every attempt,
 * 2FA timeouts included, spends the budget.
 */
public final class IbeamSupervisor implements Authenticator, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(IbeamSupervisor.class);
    /** Slack beyond IBEAM_OAUTH_TIMEOUT for IBeam to start Chromium, load the page and report. */
    private static final Duration STARTUP_SLACK = Duration.ofSeconds(120);

    private final IbeamConfig config;
    private final Map<String, String> parentEnv;
    private final LoginBudget budget;
    private final AlertSink alerts;
    private final List<Process> children = new ArrayList<>();
    private final List<java.util.function.Consumer<IbeamEvent>> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile int healthPort;

    public IbeamSupervisor(IbeamConfig config, Map<String, String> parentEnv, LoginBudget budget, AlertSink alerts) {
        this.config = Objects.requireNonNull(config, "config");
        this.parentEnv = Map.copyOf(Objects.requireNonNull(parentEnv, "parentEnv"));
        this.budget = Objects.requireNonNull(budget, "budget");
        this.alerts = Objects.requireNonNull(alerts, "alerts");
        this.healthPort = config.healthPort();
    }

    /** Told about every classified IBeam line (not {@link IbeamEvent#OTHER}) of a maintaining IBeam. */
    public void onEvent(java.util.function.Consumer<IbeamEvent> listener) { listeners.add(Objects.requireNonNull(listener, "listener")); }

    /** The health port IBeam reported ("Health server started at port=N"), else the configured one. */
    public int healthPort() { return healthPort; }

    /** One {@code --authenticate} run of IBeam. Blocks up to IBEAM_OAUTH_TIMEOUT plus start-up slack. */
    @Override public LoginResult login() {
        Optional<String> rejected = budget.rejected();
        if (rejected.isPresent()) return new LoginResult.BadCredentials(rejected.get());
        Optional<java.time.Instant> notBefore = budget.tryAcquire();
        if (notBefore.isPresent()) return new LoginResult.BudgetExhausted(notBefore.get());
        Map<String, String> secrets = EnvFile.load(config.envFile());
        Redactor redactor = Redactor.of(secrets.get("IBEAM_PASSWORD"), secrets.get("IBEAM_ACCOUNT"));
        LogRedaction.register(secrets.get("IBEAM_PASSWORD"), secrets.get("IBEAM_ACCOUNT"));
        Process process = spawn(List.of("--authenticate"), secrets);
        Set<IbeamEvent> seen = EnumSet.noneOf(IbeamEvent.class);
        String pageError = null;
        boolean toldUser = false;
        Thread watchdog = Thread.ofVirtual().start(() -> {
            try {
                if (!process.waitFor(config.oauthTimeout().plus(STARTUP_SLACK).toMillis(), TimeUnit.MILLISECONDS)) process.destroy();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                String safe = redactor.redact(line);
                log.info("ibeam: {}", safe);
                IbeamEvent event = IbeamEvent.classify(line);
                seen.add(event);
                if (event == IbeamEvent.TWO_FA_PROMPT && !toldUser) {
                    toldUser = true;
                    alerts.raise(AlertEvent.IBKEY_APPROVAL_NEEDED, "", "approve the IB Key notification on your phone now (IBeam waits up to "
                        + config.oauthTimeout().toSeconds() + " s)");
                }
                if (event == IbeamEvent.PAGE_ERROR) pageError = redactor.redact(IbeamEvent.pageError(line));
                // --authenticate ends with one of these; IBeam's non-daemon health thread may keep the process alive
                if (event == IbeamEvent.AUTHENTICATED || event == IbeamEvent.NOT_AUTHENTICATED
                    || event == IbeamEvent.CRITICAL) break;
            }
        } catch (IOException e) {
            log.warn("reading IBeam's output failed: {}", e.getMessage());
        } finally {
            process.destroy();                                      // SIGTERM: IBeam exits 0 on it
            watchdog.interrupt();
        }
        return judge(seen, pageError);
    }

    private LoginResult judge(Set<IbeamEvent> seen, String pageError) {
        if (seen.contains(IbeamEvent.MAX_FAILED_AUTH) || pageError != null) {
            String reason = pageError != null ? pageError : "IBeam reached IBEAM_MAX_FAILED_AUTH=" + config.maxFailedAuth();
            budget.recordRejected(reason);
            return new LoginResult.BadCredentials(reason);
        }
        if (seen.contains(IbeamEvent.AUTHENTICATED)) return new LoginResult.Succeeded();
        if (seen.contains(IbeamEvent.TWO_FA_TIMEOUT)) return new LoginResult.TwoFaTimeout(config.oauthTimeout());
        if (seen.contains(IbeamEvent.GATEWAY_UNREACHABLE))
            return new LoginResult.Failed("IBeam cannot reach the gateway at " + config.gatewayBaseUrl()
                + "; start it: ibex gateway start --gateway-dir <dir>");
        return new LoginResult.Failed("IBeam ended without authenticating (see the ibeam: lines above)");
    }

    /** Starts IBeam in its default start-authenticate-maintain mode; watch it with {@link #ready()}. */
    public Process startMaintaining() {
        Map<String, String> secrets = EnvFile.load(config.envFile());
        Redactor redactor = Redactor.of(secrets.get("IBEAM_PASSWORD"), secrets.get("IBEAM_ACCOUNT"));
        LogRedaction.register(secrets.get("IBEAM_PASSWORD"), secrets.get("IBEAM_ACCOUNT"));
        Process process = spawn(List.of(), secrets);
        Thread.ofPlatform().daemon().name("ibeam-log").start(() -> relay(process, redactor));
        return process;
    }

    private void relay(Process process, Redactor redactor) {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                log.info("ibeam: {}", redactor.redact(line));
                IbeamEvent e = IbeamEvent.classify(line);
                if (e == IbeamEvent.HEALTH_SERVER_STARTED) healthPort = IbeamEvent.port(line, healthPort);
                if (e == IbeamEvent.TWO_FA_PROMPT) alerts.raise(AlertEvent.IBKEY_APPROVAL_NEEDED, "", "approve the IB Key notification on your phone now");
                if (e == IbeamEvent.TWO_FA_TIMEOUT) alerts.notice("the IB Key approval did not arrive in "
                    + config.oauthTimeout().toSeconds() + " s — IBeam retries at its next maintenance cycle");
                if (e == IbeamEvent.MAX_FAILED_AUTH || e == IbeamEvent.CRITICAL)
                    alerts.raise(AlertEvent.LOGIN_NEEDED, "", "IBeam stopped logging in: " + redactor.redact(line));
                if (e != IbeamEvent.OTHER) for (var l : listeners) l.accept(e);
            }
        } catch (IOException e) {
            log.warn("reading IBeam's output failed: {}", e.getMessage());
        }
    }

    /** GET /readyz on IBeam's loopback health port: 200 only when the gateway is authenticated. */
    public boolean ready() { return health("/readyz"); }

    /** GET /livez: false once IBeam shut down after a critical error (its process may still be alive). */
    public boolean live() { return health("/livez"); }

    private boolean health(String route) {
        HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + healthPort + route))
            .timeout(Duration.ofSeconds(20)).GET().build();
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
            return http.send(req, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private Process spawn(List<String> flags, Map<String, String> secrets) {
        List<String> argv = new ArrayList<>(config.command());
        argv.addAll(flags);
        ProcessBuilder pb = new ProcessBuilder(argv).directory(config.ibeamDir().toFile()).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.putAll(config.environment(secrets));
        if (config.xvfb()) env.put("DISPLAY", XvfbDisplay.ensure(parentEnv, Path.of("/tmp/.X11-unix"), children::add));
        try {
            Process p = pb.start();
            children.add(p);
            return p;
        } catch (IOException e) {
            throw new ConfigException("cannot start IBeam with " + config.command() + " in " + config.ibeamDir() + ": "
                + e.getMessage() + ". Fix: install IBeam there (git clone https://github.com/Voyz/ibeam) or pass --ibeam-command");
        }
    }

    @Override public void close() {
        for (Process p : children) p.destroy();
    }
}
