package io.ibex.sim.fakeibeam;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A stand-in for IBeam (gateway-simulator.md §6.2) that logs in through the simulator's {@code /__sim/login} API instead
 * of a browser. Same variables, same log lines, same health server, strategy B, exit code always 0. Runs as its own JVM
 * ({@code java -cp ... io.ibex.sim.fakeibeam.FakeIbeam [--authenticate]}) or in-JVM.
 */
public final class FakeIbeam implements AutoCloseable {
    private final FakeIbeamSettings settings;
    private final IbeamLog log;
    private final GatewayCalls gateway;
    private FakeIbeamHealth health;
    private volatile boolean critical;
    private volatile boolean active;
    private volatile boolean closed;
    private int failedAttempts;

    public FakeIbeam(Map<String, String> env, Consumer<String> out) {
        this.settings = FakeIbeamSettings.from(env);
        this.log = new IbeamLog(out);
        this.gateway = new GatewayCalls(settings);
        this.active = settings.startActive();
    }

    public static void main(String[] args) {
        try (FakeIbeam ibeam = new FakeIbeam(System.getenv(), line -> {
            System.out.println(line);
            System.out.flush();
        })) {
            ibeam.startHealthServer();
            if (args.length > 0 && ("--authenticate".equals(args[0]) || "-a".equals(args[0]))) ibeam.authenticateOnce();
            else ibeam.maintainForever();
        } catch (RuntimeException e) {
            System.out.println("Shutting IBeam down due to critical error. " + e.getMessage());
        }
        System.exit(0);                                      // like IBeam: the exit code carries no information
    }

    /** Starts the health server; returns its port (IBEAM_HEALTH_SERVER_PORT=0 picks a free one). */
    public int startHealthServer() {
        try {
            health = new FakeIbeamHealth(this, settings.bind(), settings.healthPort());
        } catch (IOException e) {
            throw new IllegalStateException("health server cannot bind " + settings.bind() + ":" + settings.healthPort(), e);
        }
        log.info("Health server started at port=" + health.port());
        return health.port();
    }

    /** {@code --authenticate}: one attempt; logs "Gateway authenticated." or "Gateway not authenticated.". */
    public boolean authenticateOnce() {
        boolean ok = maintainOnce();
        log.info(ok ? "Gateway authenticated." : "Gateway not authenticated.");
        return ok;
    }

    /** Start, authenticate, then maintain every IBEAM_MAINTENANCE_INTERVAL until closed or a critical error. */
    public void maintainForever() {
        while (!closed && !critical) {
            if (active) maintainOnce();
            pause(settings.maintenanceInterval());
        }
    }

    /** One maintenance cycle of strategy B. */
    public boolean maintainOnce() {
        if (critical) return false;
        try {
            GatewayCalls.Reply tickle = gateway.post("/v1/api/tickle", "{}");
            if (tickle.status() == 401 || "no session".equals(tickle.json().path("error").asText(null))) {
                log.info("No active sessions, logging in...");
                return login() && finishAuthentication();
            }
            JsonNode auth = tickle.json().path("iserver").path("authStatus");
            boolean authenticated = auth.path("authenticated").asBoolean(false);
            if (authenticated && auth.path("connected").asBoolean(false) && !auth.path("competing").asBoolean(false)) {
                reportAuthenticated(tickle);
                gateway.get("/v1/portal/sso/validate");     // IBeam extends the SSO token once per cycle
                return true;
            }
            if (auth.path("competing").asBoolean(false) || !auth.path("connected").asBoolean(false)) {
                log.info("Competing or disconnected Gateway session found, logging out and reauthenticating...");
                gateway.post("/v1/api/logout", "{}");
            } else {
                log.info("Gateway session found but not authenticated, reauthenticating...");
            }
            for (int i = 0; i < settings.maxReauthenticateRetries(); i++) {
                gateway.post("/v1/api/iserver/reauthenticate", "{}");
                if (finishAuthentication()) return true;
            }
            log.error("Repeatedly reauthenticating failed " + settings.maxReauthenticateRetries() + " times. Killing the Gateway...");
            return false;
        } catch (ConnectException e) {
            log.error("Cannot communicate with the Gateway. Consider increasing IBEAM_GATEWAY_STARTUP");
            return false;
        } catch (IOException e) {
            log.error("Cannot communicate with the Gateway: " + e.getClass().getSimpleName());
            return false;
        }
    }

    private boolean login() throws IOException {
        if (settings.scenario() != null && !settings.scenario().isBlank())
            gateway.post("/__sim/login-policy", GatewayCalls.JSON.createObjectNode().put("scenario", settings.scenario()).toString());
        String body = GatewayCalls.JSON.createObjectNode().put("username", settings.account())
            .put("password", settings.password()).put("twoFaMethod", settings.twoFaTarget()).toString();
        JsonNode reply = gateway.post("/__sim/login", body).json();
        String id = reply.path("loginId").asText("");
        String state = reply.path("state").asText("FAILED");
        long deadline = System.nanoTime() + settings.oauthTimeout().toNanos();   // IBeam's Selenium wait runs on wall time
        if ("AWAITING_2FA".equals(state)) {
            log.info("Credentials correct, but Gateway requires notification two-factor authentication.");
            log.info("2FA method \"" + settings.twoFaTarget() + "\" selected successfully.");
        }
        while ("AWAITING_2FA".equals(state)) {
            if (System.nanoTime() >= deadline) {
                log.error("Timeout reached when waiting for authentication. The website seems to not be loaded correctly."
                    + " Consider increasing IBEAM_OAUTH_TIMEOUT...");
                log.error("Logging in failed");
                return false;
            }
            pause(Duration.ofMillis(Math.min(settings.pollInterval().toMillis(), 250)));
            reply = gateway.get("/__sim/login/" + id).json();
            state = reply.path("state").asText("FAILED");
        }
        if ("SUCCEEDED".equals(state)) {
            log.info("Webpage displayed \"Client login succeeds\"");
            log.info("Logging in succeeded");
            return true;
        }
        failedAttempts++;
        log.error("Error displayed by the login webpage: " + reply.path("message").asText(state));
        if (failedAttempts >= settings.maxFailedAuth()) {
            log.error("######## ATTENTION! ######## Maximum number of failed authentication attempts (IBEAM_MAX_FAILED_AUTH="
                + settings.maxFailedAuth() + ") reached. IBeam will shut down to prevent an account lock-out.");
            log.error("Shutting IBeam down due to critical error.");
            critical = true;
        }
        log.error("Logging in failed");
        return false;
    }

    /** Polls status once a second, then sends ssodh/init with an empty body as the real IBeam does. */
    private boolean finishAuthentication() throws IOException {
        for (int i = 0; i < settings.maxStatusCheckRetries(); i++) {
            GatewayCalls.Reply tickle = gateway.post("/v1/api/tickle", "{}");
            JsonNode auth = tickle.json().path("iserver").path("authStatus");
            if (tickle.status() == 200 && auth.path("authenticated").asBoolean(false)) {
                gateway.post("/v1/api/iserver/auth/ssodh/init", null);
                reportAuthenticated(gateway.post("/v1/api/tickle", "{}"));
                return true;
            }
            pause(settings.pollInterval());
        }
        return false;
    }

    private void reportAuthenticated(GatewayCalls.Reply tickle) {
        JsonNode root = tickle.json();
        log.info("Gateway running and authenticated, session id: " + root.path("session").asText("")
            + ", server name: " + root.path("iserver").path("authStatus").path("serverInfo").path("serverName").asText(""));
    }

    /** What /readyz answers: a fresh tickle says authenticated. */
    boolean tickleAuthenticated() {
        try {
            GatewayCalls.Reply t = gateway.post("/v1/api/tickle", "{}");
            return t.status() == 200 && t.json().path("iserver").path("authStatus").path("authenticated").asBoolean(false);
        } catch (IOException e) {
            return false;
        }
    }

    boolean critical() { return critical; }

    void activate() { active = true; }

    /** Logs out and "kills the gateway" (the simulator's stop switch stands in for the process kill). */
    void deactivate() {
        active = false;
        try {
            gateway.post("/v1/api/logout", "{}");
            gateway.post("/__sim/gateway/stop", "{}");
        } catch (IOException e) {
            log.warn("Deactivate: gateway not reachable");
        }
    }

    private void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }

    @Override public void close() {
        closed = true;
        if (health != null) health.close();
        gateway.close();
    }
}
