package io.ibex.session;

import io.ibex.session.alert.AlertEvent;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the gateway session alive: tickles every {@link KeeperConfig#tickleInterval()} and, when the session is not
 * healthy, climbs the recovery ladder of ibkr-gateway.md §2.4: {@code ssodh/init} → full IBeam login → alert and back off.
 * All time comes from the injected clock and scheduler, so tests run a day of session life in milliseconds.
 * After every (re)authentication it calls {@code /iserver/accounts} first, then the registered hooks, then tells listeners.
 */
public final class SessionKeeper {
    private static final Logger log = LoggerFactory.getLogger(SessionKeeper.class);

    private final SessionEndpoints endpoints;
    private final Authenticator authenticator;
    private final InstantSource clock;
    private final Scheduler scheduler;
    private final KeeperConfig config;
    private final AlertSink alerts;
    private final Backoff backoff;
    private final List<SessionListener> listeners = new CopyOnWriteArrayList<>();
    private final List<Runnable> afterAuthentication = new CopyOnWriteArrayList<>();

    private volatile SessionState state = SessionState.STARTING;
    private volatile Instant lastTickleAt;
    private volatile boolean stopped;
    private int initAttempts;
    private Instant lastCompeteRetake;
    private boolean alertedThisEpisode;
    private Instant haltedUntil;
    private long generation;
    private boolean nudged;

    public SessionKeeper(SessionEndpoints endpoints, Authenticator authenticator, InstantSource clock,
                         Scheduler scheduler, KeeperConfig config, AlertSink alerts) {
        this.endpoints = Objects.requireNonNull(endpoints, "endpoints");
        this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.config = Objects.requireNonNull(config, "config");
        this.alerts = Objects.requireNonNull(alerts, "alerts");
        this.backoff = new Backoff(config.backoffBase(), config.backoffCap());
    }

    public void addListener(SessionListener listener) { listeners.add(Objects.requireNonNull(listener, "listener")); }

    /** Runs after {@code /iserver/accounts} on every (re)authentication: re-suppress questions, re-prime snapshots. */
    public void afterAuthentication(Runnable hook) { afterAuthentication.add(Objects.requireNonNull(hook, "hook")); }

    public SessionState state() { return state; }

    public Instant lastTickleAt() { return lastTickleAt; }

    /** Starts the tickle loop at once. */
    public synchronized void start() { scheduleNext(Duration.ZERO); }

    public void stop() { stopped = true; }

    /**
     * A business call saw 401 or "no bridge": check the session now instead of at the next tickle. Single-flight: however
     * many threads call it, one check runs, and while the keeper already knows the session is unhealthy it is ignored,
     * so the recovery ladder and its backoff stay in charge (reliability F04: one IBeam trigger per episode).
     */
    public synchronized void nudge() {
        if (stopped || nudged || state != SessionState.AUTHENTICATED) return;
        nudged = true;
        scheduleNext(Duration.ZERO);
    }

    private void scheduleNext(Duration delay) {
        long token = ++generation;                   // a newer schedule (a nudge) supersedes the pending one
        scheduler.schedule(delay, () -> cycle(token));
    }

    private synchronized void cycle(long token) {
        if (stopped || token != generation) return;
        nudged = false;
        Duration next;
        try {
            next = step();
        } catch (RuntimeException e) {
            // A typed gateway error from an adapter: the session is in doubt, so stop trading and try again later.
            setState(SessionState.REAUTHENTICATING, "session call failed: " + e.getMessage());
            next = backoff.next();
        }
        if (!stopped) scheduleNext(next);
    }

    /** One tickle and its consequences; returns how long to wait before the next one. */
    Duration step() {
        Instant now = clock.instant();
        TickleStatus tickle = endpoints.tickle();
        lastTickleAt = now;
        boolean window = config.resetWindows().contains(now);
        return switch (tickle) {
            case TickleStatus.Healthy h -> healthy("tickle healthy");
            case TickleStatus.Refused r -> window ? inWindow("gateway refused the connection")
                : degraded(now, SessionState.GATEWAY_DOWN, "the gateway refused the connection (" + r.detail()
                    + "); start it: ibex gateway start --gateway-dir <dir>, or check IBeam");
            case TickleStatus.Unexpected u -> window ? inWindow("gateway answered " + u.detail())
                : degraded(now, SessionState.REAUTHENTICATING, "tickle failed: " + u.detail());
            case TickleStatus.NoSession n -> window ? inWindow("no session") : login(now);
            case TickleStatus.NotAuthenticated na -> window ? inWindow("brokerage session down") : reinit(now);
            case TickleStatus.Competing c -> window ? inWindow("competing session") : competing(now);
        };
    }

    private Duration healthy(String reason) {
        if (state != SessionState.AUTHENTICATED) {
            endpoints.accounts();                       // IBKR: must be the first call after any (re)authentication
            for (Runnable hook : afterAuthentication) hook.run();
            setState(SessionState.AUTHENTICATED, reason);
        }
        initAttempts = 0;
        alertedThisEpisode = false;
        haltedUntil = null;
        backoff.reset();
        return config.tickleInterval();
    }

    private Duration inWindow(String what) {
        setState(SessionState.RESET_WINDOW, what + " inside the nightly reset window (expected; no alarm)");
        return config.tickleInterval();
    }

    private Duration degraded(Instant now, SessionState to, String reason) {
        setState(to, reason);
        alertOnce(now, AlertEvent.SESSION_DOWN, reason);
        return backoff.next();
    }

    private Duration reinit(Instant now) {
        if (initAttempts >= config.initAttemptsBeforeLogin()) return login(now);
        initAttempts++;
        setState(SessionState.REAUTHENTICATING, "brokerage session lapsed: calling ssodh/init");
        AuthStatus after = endpoints.initBrokerage(true);
        if (after.healthy()) return healthy("ssodh/init reopened the brokerage session");
        return config.backoffBase();
    }

    private Duration competing(Instant now) {
        if (lastCompeteRetake != null && now.isBefore(lastCompeteRetake.plus(config.competeRetakeInterval()))) {
            setState(SessionState.COMPETING, "still competing; next take-back at " + lastCompeteRetake.plus(config.competeRetakeInterval()));
            return config.tickleInterval();
        }
        lastCompeteRetake = now;
        setState(SessionState.COMPETING, "another platform holds the brokerage session");
        alerts.raise(AlertEvent.COMPETING_SESSION, "", "competing session: another login with the same username (TWS, mobile, another gateway) took the"
            + " brokerage session; ibex takes it back at most once per " + config.competeRetakeInterval().toMinutes()
            + " min. Use a dedicated API username to stop this.");
        AuthStatus after = endpoints.initBrokerage(true);
        if (after.healthy()) return healthy("ssodh/init compete=true took the session back");
        return config.tickleInterval();
    }

    private Duration login(Instant now) {
        if (haltedUntil != null && now.isBefore(haltedUntil)) {
            setState(SessionState.HALTED, "login halted until " + (haltedUntil.equals(Instant.MAX) ? "an operator acts" : haltedUntil));
            return config.tickleInterval();
        }
        setState(SessionState.LOGIN_REQUIRED, "no session: starting an IBeam login");
        setState(SessionState.REAUTHENTICATING, "IBeam login running");
        LoginResult result;
        try {
            result = authenticator.login();
        } catch (io.ibex.framework.error.ConfigException e) {
            // a .env at 0644, IBeam not installed: retrying cannot help until the operator fixes it
            return halt(AlertEvent.LOGIN_NEEDED, Instant.MAX, "log in: cannot run the IBeam login (" + e.getMessage()
                + "). Fix that, or log in by hand: ibex auth login");
        }
        return switch (result) {
            case LoginResult.Succeeded s -> {
                initAttempts = 0;
                yield Duration.ZERO;                      // tickle again at once; healthy() then calls /iserver/accounts
            }
            case LoginResult.TwoFaTimeout t -> {
                Duration wait = backoff.next();
                alerts.notice("the IB Key approval did not arrive in " + t.waited().toSeconds() + " s — retrying in "
                    + wait.toSeconds() + " s");
                setState(SessionState.LOGIN_REQUIRED, "2FA approval timed out");
                yield wait;
            }
            case LoginResult.BadCredentials b -> halt(AlertEvent.LOGIN_REJECTED, Instant.MAX, "IBeam login rejected the"
                + " credentials (" + b.message() + "). No ibex process will retry (repeated failures lock the account for"
                + " 24 h): fix IBEAM_ACCOUNT / IBEAM_PASSWORD in the .env file, then run: ibex auth login --reset-login-budget");
            case LoginResult.BudgetExhausted e -> halt(AlertEvent.LOGIN_BUDGET_EXHAUSTED, e.nextAttemptAllowed(),
                "login attempt budget spent (at most 3"
                + " per 30 min, 6 per day); next attempt at " + e.nextAttemptAllowed() + ". Open orders stay as they"
                + " are. Check that the IB Key app on your phone receives the notification, then run: ibex auth login");
            case LoginResult.Failed f -> {
                setState(SessionState.LOGIN_REQUIRED, "IBeam login failed: " + f.message());
                alertOnce(now, AlertEvent.LOGIN_NEEDED, "log in: the IBeam login failed (" + f.message() + "). Fix it, or log"
                    + " in by hand: ibex auth login");
                yield backoff.next();
            }
        };
    }

    private Duration halt(AlertEvent event, Instant until, String reason) {
        haltedUntil = until;
        setState(SessionState.HALTED, reason);
        alerts.raise(event, "", reason);
        alertedThisEpisode = true;
        return config.tickleInterval();
    }

    private void alertOnce(Instant now, AlertEvent event, String reason) {
        if (alertedThisEpisode || config.resetWindows().quiet(now)) return;
        alertedThisEpisode = true;
        alerts.raise(event, "", reason);
    }

    private void setState(SessionState to, String reason) {
        SessionState from = state;
        if (from == to) return;
        state = to;
        log.info("session {} -> {}: {}", from, to, reason);
        for (SessionListener l : listeners) l.onSessionStateChanged(from, to, reason);
    }
}
