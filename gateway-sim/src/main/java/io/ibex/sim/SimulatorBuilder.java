package io.ibex.sim;

import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Configures and starts a {@link GatewaySimulator} ({@code GatewaySimulator.builder()...start()}). Every [U]/[SIM]
 * option of docs/gateway-simulator.md is one call here; defaults are the spec's.
 */
public final class SimulatorBuilder {
    final Options options = new Options();
    SimClock clock = SimClock.system();
    final List<Account> accounts = new ArrayList<>();
    final List<SimInstrument> instruments = new ArrayList<>();
    SessionState initialSession = SessionState.UNAUTHENTICATED;
    TlsMode tls = TlsMode.GENERATED;
    int port;
    LongSupplier pacingClock;
    SimCommission commission = SimCommission.IBKR_LIKE;

    SimulatorBuilder() {}

    public SimulatorBuilder clock(SimClock c) { clock = Objects.requireNonNull(c, "clock"); return this; }
    public SimulatorBuilder region(Region r) { options.region = Objects.requireNonNull(r, "region"); return this; }
    public SimulatorBuilder credentials(String user, String password) { options.username = user; options.password = password; return this; }
    public SimulatorBuilder account(Account a) { accounts.add(Objects.requireNonNull(a, "account")); return this; }
    public SimulatorBuilder instrument(SimInstrument i) { instruments.add(Objects.requireNonNull(i, "instrument")); return this; }
    public SimulatorBuilder initialSession(SessionState s) { initialSession = Objects.requireNonNull(s, "state"); return this; }
    public SimulatorBuilder strict(boolean on) { options.strict = on; return this; }
    public SimulatorBuilder tls(TlsMode mode) { tls = Objects.requireNonNull(mode, "mode"); return this; }
    /** 0 (default) binds a random free port. */
    public SimulatorBuilder port(int p) { port = p; return this; }
    public SimulatorBuilder seed(long s) { options.seed = s; return this; }
    /** What each execution costs (default {@link SimCommission#IBKR_LIKE}). */
    public SimulatorBuilder commission(SimCommission c) { commission = Objects.requireNonNull(c, "commission"); return this; }
    public SimulatorBuilder stepDriven() { options.stepDriven = true; return this; }
    /** Replays of bars: a tick move is a straight path; resting LMT/STP orders fill at their own price where it reaches them. */
    public SimulatorBuilder pathFills() { options.pathFills = true; return this; }
    /** Replays of bars: a DAY order dies at the first tick of a later UTC day than its first, instead of at the RTH close. */
    public SimulatorBuilder utcDayExpiry() { options.utcDayExpiry = true; return this; }
    public SimulatorBuilder unauthorizedBodyEmpty(boolean on) { options.unauthorizedBodyEmpty = on; return this; }
    public SimulatorBuilder noSessionAs200(boolean on) { options.noSessionAs200 = on; return this; }
    /** In BROKERAGE_DOWN, other /iserver answers 401 instead of the default 400 "no bridge". */
    public SimulatorBuilder noBridgeAs401(boolean on) { options.noBridgeAs401 = on; return this; }
    public SimulatorBuilder requireUserAgent(boolean on) { options.requireUserAgent = on; return this; }
    public SimulatorBuilder requireAccountsFirst(boolean on) { options.requireAccountsFirst = on; return this; }
    public SimulatorBuilder allowBodylessInitFromIBeam(boolean on) { options.allowBodylessInitFromIBeam = on; return this; }
    public SimulatorBuilder searchDecoys(boolean on) { options.searchDecoys = on; return this; }
    /** Rejected orders stay behind as Inactive instead of returning an error. */
    public SimulatorBuilder rejectAsInactive(boolean on) { options.rejectAsInactive = on; return this; }
    public SimulatorBuilder duplicateCoidStatus(int status) { options.duplicateCoidStatus = status; return this; }
    public SimulatorBuilder partialFills(int maxPerTick) { options.partialFillsMax = maxPerTick; return this; }
    public SimulatorBuilder warmupCalls(int n) { options.snapshotWarmupCalls = n; return this; }
    public SimulatorBuilder liveOrdersWarmupCalls(int n) { options.liveOrdersWarmupCalls = n; return this; }
    public SimulatorBuilder defaultQuestions(boolean on) { options.defaultQuestions = on; return this; }
    public SimulatorBuilder brokerageIdleTimeout(Duration d) { options.brokerageIdleTimeout = d; return this; }
    public SimulatorBuilder ssoIdleTimeout(Duration d) { options.ssoIdleTimeout = d; return this; }
    public SimulatorBuilder maxSessionAge(Duration d) { options.maxSessionAge = d; return this; }
    /** Local time of the nightly reset in the region's zone (00:00 default; 01:00 models the newer doc; null: never, for replays). */
    public SimulatorBuilder nightlyReset(LocalTime t) { options.nightlyResetAt = t; return this; }
    public SimulatorBuilder resetOutage(Duration d) { options.resetOutage = d; return this; }
    public SimulatorBuilder reauthenticateDelay(Duration d) { options.reauthenticateDelay = d; return this; }
    public SimulatorBuilder cancelDelay(Duration d) { options.cancelDelay = d; return this; }
    public SimulatorBuilder gatewayStartupDelay(Duration d) { options.gatewayStartupDelay = d; return this; }
    public SimulatorBuilder positionsCacheLag(Duration d) { options.positionsCacheLag = d; return this; }
    /** How long a WebSocket {@code smd} subscription lives before the simulator ends it (default 15 min, as IBKR since 2026). */
    public SimulatorBuilder smdLifetime(Duration d) { options.smdLifetime = Objects.requireNonNull(d, "smdLifetime"); return this; }
    public SimulatorBuilder serverClockOffset(Duration d) { options.serverClockOffset = d; return this; }
    public SimulatorBuilder pacing(PacingMode m) { options.pacing = m; return this; }
    public SimulatorBuilder globalRps(int rps) { options.globalRps = rps; return this; }
    public SimulatorBuilder penaltyAfter(int violations) { options.penaltyAfter = violations; return this; }
    public SimulatorBuilder penaltyDuration(Duration d) { options.penaltyDuration = d; return this; }
    /** The nanosecond source pacing runs on (default System::nanoTime). */
    public SimulatorBuilder pacingClock(LongSupplier nanos) { pacingClock = nanos; return this; }

    public GatewaySimulator start() { return new GatewaySimulator(this).start(); }
}
