package io.ibex.sim;

import io.ibex.framework.files.FileModes;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/**
 * An in-process HTTPS fake of the IBKR Client Portal gateway (docs/gateway-simulator.md): session model and gating,
 * the REST endpoints with their real quirks, a matching engine, fault injection, pacing and a request journal.
 * All domain state sits behind one lock; only deliberate latency/hang faults block a response.
 */
public final class GatewaySimulator implements AutoCloseable {
    private record Timer(long at, long seq, Runnable action) {}

    /** How an ambiguous order POST (§5.1) is spoiled. */
    enum Ambiguity { ACCEPT_THEN_TIMEOUT, FAIL_THEN_TIMEOUT, ACCEPT_THEN_DROP }

    record AmbiguousPost(Ambiguity kind, long wallDelayMillis) {}

    final Object lock = new Object();
    final Options options;
    final SimClock clock;
    final List<Account> accounts;
    final Map<Long, Market> markets = new LinkedHashMap<>();
    final Backend backend = new Backend();
    final Matcher matcher = new Matcher(this);
    final Questions questions = new Questions(this);
    final Faults faults = new Faults(this);
    final Journal journal = new Journal();
    final Pacing pacing;
    final RandomGenerator random;
    final List<String> warnings = new ArrayList<>();
    final Map<String, PendingReply> replies = new HashMap<>();
    final Deque<AmbiguousPost> ambiguousPosts = new ArrayDeque<>();
    final Deque<String> rejectNext = new ArrayDeque<>();
    final Set<Long> positionsOmitted = new HashSet<>();
    final AtomicInteger historyInFlight = new AtomicInteger();
    final LoginFlow login;
    final Router router = new Router();
    final AdminApi admin;
    final OrderApi orderApi;
    final WebSocketHub ws;
    int liveOrdersEmptyNext;
    private final PriorityQueue<Timer> timers = new PriorityQueue<>((a, b) ->
        a.at != b.at ? Long.compare(a.at, b.at) : Long.compare(a.seq, b.seq));
    private long timerSeq;

    SessionState state;
    boolean running = true;
    boolean brokerageConnected;
    ExpiryReason expiryReason;
    BrokerageEpoch epoch;
    private long epochCounter;
    String sessionId;
    final int userId;
    long loginAtMillis;
    long lastRequestMillis;
    long outageUntilMillis = Long.MIN_VALUE;
    private long nextNightlyMillis;

    private final String adminToken = newToken();
    private final TlsMode tlsMode;
    private final int requestedPort;
    private SimTls tls;
    private SimServer server;
    private final Runnable clockListener = this::onClockMoved;
    private volatile boolean closed;
    private Thread ticker;

    GatewaySimulator(SimulatorBuilder b) {
        this.options = b.options;
        this.clock = b.clock;
        this.accounts = List.copyOf(b.accounts.isEmpty() ? List.of(Account.paper("DU1234567").cash("USD", 1_000_000)) : b.accounts);
        this.tlsMode = b.tls;
        this.requestedPort = b.port;
        this.random = RandomGeneratorFactory.of("L64X128MixRandom").create(options.seed);
        this.pacing = new Pacing(options);
        if (b.pacingClock != null) pacing.nanos = b.pacingClock;
        this.login = new LoginFlow(this);
        this.admin = new AdminApi(this);
        this.orderApi = new OrderApi(this);
        new SessionApi(this).register(router);
        new PortfolioApi(this).register(router);
        new ContractApi(this).register(router);
        new MarketDataApi(this).register(router);
        orderApi.register(router);
        this.ws = new WebSocketHub(this);
        ws.register(router);
        this.userId = 10_000_000 + random.nextInt(89_999_999);
        long now = clock.millis();
        List<SimInstrument> instruments = b.instruments.isEmpty()
            ? List.of(SimInstrument.aapl().prices(PriceScript.randomWalk(options.seed, 189.60, 5)))
            : b.instruments;
        for (SimInstrument i : instruments) markets.put(i.conid, new Market(i, now));
        backend.commission = b.commission;
        for (Account a : accounts) {
            backend.cash.put(a.id(), a.startingCash().getOrDefault("USD", java.math.BigDecimal.ZERO));
            backend.startCash.put(a.id(), backend.cash.get(a.id()));
        }
        this.lastRequestMillis = now;
        this.nextNightlyMillis = nextNightlyAfter(now);
        this.state = SessionState.UNAUTHENTICATED;
        if (b.initialSession == SessionState.AUTHENTICATED) newSsoLogin(false);
        else if (b.initialSession != SessionState.UNAUTHENTICATED) {
            newSsoLogin(false);
            setState(b.initialSession);
        }
        if (!options.stepDriven) moveMarketsTo(now);
        else for (Market m : markets.values()) { m.cursor = 0; m.cursorAtMillis = now; }
    }

    public static SimulatorBuilder builder() { return new SimulatorBuilder(); }

    // ---------------------------------------------------------------- lifecycle

    /** Like the real gateway, every answer carries a Date header: the simulator's clock, shifted by serverClockOffset. */
    private SimResponse handleWithDate(SimRequest request) {
        SimResponse response = handle(request);
        long reportedMillis;
        synchronized (lock) {
            reportedMillis = reported(nowMillis());
            ws.pump();   // an order placed or filled by this request reaches sor subscribers now
        }
        response.headers.putIfAbsent("Date", java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
            Instant.ofEpochMilli(reportedMillis).atZone(java.time.ZoneOffset.UTC)));
        return response;
    }

    GatewaySimulator start() {
        try {
            tls = tlsMode == TlsMode.PLAIN_HTTP ? null : SimTls.generate(tlsMode, Instant.now(), random);
            server = new SimServer(InetAddress.getByName("127.0.0.1"), requestedPort, tls == null ? null : tls.sslContext(),
                this::handleWithDate);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
        server.startListening();
        if (clock.isManual()) clock.addListener(clockListener);
        else {
            ticker = Thread.ofPlatform().daemon().name("gateway-sim-clock-" + server.port()).start(() -> {
                while (!closed) {
                    synchronized (lock) { onTime(); }
                    if (server.pause(200)) return;   // the system clock's wall ticker; returns at once on close
                }
            });
        }
        return this;
    }

    /** Stops listening, frees hung requests, timers and threads. */
    @Override public void close() {
        closed = true;
        clock.removeListener(clockListener);
        if (ticker != null) ticker.interrupt();
        if (server != null) server.close();
    }

    public int port() { return server.port(); }

    public String rootUrl() { return (tls == null ? "http" : "https") + "://127.0.0.1:" + port(); }

    public String baseUrl() { return rootUrl() + "/v1/api"; }

    /** PKCS12 trust store holding only the generated certificate. */
    public KeyStore trustStore() { return requireTls().trustStore(); }

    public X509Certificate certificate() { return requireTls().certificate(); }

    public String certificatePem() { return requireTls().pem(); }

    /** Writes the certificate PEM to {@code file} (for clients and the fake IBeam that pin it). */
    public Path writeCertificatePem(Path file) {
        try {
            return Files.writeString(file, certificatePem());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot write the simulator certificate to " + file + ": " + e.getMessage(), e);
        }
    }

    private SimTls requireTls() {
        if (tls == null) throw new IllegalStateException("the simulator runs TlsMode.PLAIN_HTTP: there is no certificate");
        return tls;
    }

    /**
     * The per-start token the {@code /__sim} control API requires in its {@code X-Sim-Token} header, so no other local
     * process can inject faults, move the clock or read the journal.
     */
    public String adminToken() { return adminToken; }

    boolean acceptsAdminToken(String presented) {
        return presented != null && MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8),
            adminToken.getBytes(StandardCharsets.UTF_8));
    }

    private static String newToken() {
        byte[] b = new byte[24];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /**
     * Writes the certificate PEM as a new file in a new private (0700) temp directory: nothing planted in a shared
     * {@code /tmp} (a symlink, a file) can redirect or pre-empt it. The caller deletes it when done.
     */
    public Path writeCertificatePemPrivately(Path tempRoot) {
        try {
            Path dir = Files.createTempDirectory(tempRoot, "ibex-gateway-sim-",
                FileModes.attribute(FileModes.PRIVATE_DIR));
            Path pem = FileModes.createPrivateFile(dir.resolve("gateway-sim.pem"));
            Files.writeString(pem, certificatePem(), StandardOpenOption.WRITE);
            return pem;
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot write the simulator certificate under " + tempRoot + ": " + e.getMessage(), e);
        }
    }

    public SimClock clock() { return clock; }

    public Journal journal() { return journal; }

    public Faults faults() { return faults; }

    public Questions questions() { return questions; }

    public SessionControl session() { return new SessionControl(this); }

    public OrdersControl orders() { return new OrdersControl(this); }

    public BackendControl backend() { return new BackendControl(this); }

    public MarketControl market(long conid) {
        synchronized (lock) { marketOf(conid); }
        return new MarketControl(this, conid);
    }

    public LoginControl login() { return new LoginControl(this); }

    /** The WebSocket's faults: drop sockets, stall heartbeats, expire subscriptions, send malformed frames. */
    public WebSocketControl websocket() { return new WebSocketControl(this); }

    public FeedControls.LiveOrders liveOrders() { return new FeedControls.LiveOrders(this); }

    public FeedControls.Positions positions() { return new FeedControls.Positions(this); }

    public FeedControls.Snapshot snapshot() { return new FeedControls.Snapshot(this); }

    public FeedControls.Reply reply() { return new FeedControls.Reply(this); }

    public FeedControls.RateLimit rateLimit() { return new FeedControls.RateLimit(this); }

    public List<PacingViolation> pacingViolations() {
        synchronized (lock) { return List.copyOf(pacing.violations); }
    }

    public List<String> warnings() {
        synchronized (lock) { return List.copyOf(warnings); }
    }

    public String accountId() { return accounts.get(0).id(); }

    /** Shifts only the timestamps the simulator reports ({@code _updated}, {@code trade_time_r}, ...): server skew. */
    public void serverClockOffset(Duration offset) {
        synchronized (lock) { options.serverClockOffset = Objects.requireNonNull(offset, "offset"); }
    }

    public void nightlyResetNow() {
        synchronized (lock) { nightlyReset(); }
    }

    public void stopGateway() {
        synchronized (lock) {
            running = false;
            server.stopListening();
        }
    }

    public void startGateway() {
        synchronized (lock) {
            running = true;
            server.startListening();
        }
    }

    /** Stop, then after {@code gatewayStartupDelay} of SimClock time: listening again, UNAUTHENTICATED, epoch caches lost. */
    public void restartGateway() {
        synchronized (lock) {
            stopGateway();
            state = SessionState.UNAUTHENTICATED;
            epoch = null;
            sessionId = null;
            replies.values().forEach(r -> { if (r.state == PendingReply.State.PENDING) r.state = PendingReply.State.INVALIDATED; });
            schedule(options.gatewayStartupDelay, this::startGateway);
        }
    }

    void refuseFor(Duration d) {
        synchronized (lock) {
            stopGateway();
            schedule(d, this::startGateway);
        }
    }

    // ---------------------------------------------------------------- time

    long nowMillis() { return clock.millis(); }

    long reported(long millis) { return millis + options.serverClockOffset.toMillis(); }

    void schedule(Duration after, Runnable action) {
        timers.add(new Timer(nowMillis() + after.toMillis(), timerSeq++, action));
    }

    private void onClockMoved() {
        synchronized (lock) { onTime(); }
    }

    /** Runs every due timer and deadline in time order, moving the market up to each, then to now. */
    void onTime() {
        long now = nowMillis();
        for (int guard = 0; guard < 100_000; guard++) {
            long best = Long.MAX_VALUE;
            Runnable action = null;
            Timer t = timers.peek();
            if (t != null && t.at <= now) { best = t.at; action = () -> timers.poll().action.run(); }
            if (state == SessionState.AUTHENTICATED) {
                long d = lastRequestMillis + options.brokerageIdleTimeout.toMillis();
                if (d <= now && d < best) { best = d; action = () -> setState(SessionState.BROKERAGE_DOWN); }
            }
            if (hasSso()) {
                long d = lastRequestMillis + options.ssoIdleTimeout.toMillis();
                if (d <= now && d < best) { best = d; action = () -> expire(ExpiryReason.SSO_IDLE); }
                long m = loginAtMillis + options.maxSessionAge.toMillis();
                if (m <= now && m < best) { best = m; action = () -> expire(ExpiryReason.MAX_AGE); }
            }
            if (nextNightlyMillis <= now && nextNightlyMillis < best) {
                best = nextNightlyMillis;
                long at = nextNightlyMillis;
                action = () -> { nextNightlyMillis = nextNightlyAfter(at); nightlyResetAt(at); };
            }
            if (action == null) break;
            if (!options.stepDriven) moveMarketsTo(best);
            action.run();
        }
        if (!options.stepDriven) moveMarketsTo(now);
        matcher.expire(new ArrayList<>(backend.orders.values()), now);
        ws.pump();
    }

    private long nextNightlyAfter(long millis) {
        if (options.nightlyResetAt == null) return Long.MAX_VALUE;   // replay: no nightly reset
        ZonedDateTime t = Instant.ofEpochMilli(millis).atZone(options.region.zone());
        ZonedDateTime candidate = t.toLocalDate().atTime(options.nightlyResetAt).atZone(options.region.zone());
        if (!candidate.isAfter(t)) candidate = LocalDate.from(t).plusDays(1).atTime(options.nightlyResetAt).atZone(options.region.zone());
        return candidate.toInstant().toEpochMilli();
    }

    void moveMarketsTo(long millis) {
        for (Market m : markets.values()) {
            if (m.frozen) continue;
            int target = m.indexAt(millis);
            if (target == m.cursor) continue;
            if (target > m.cursor && target - m.cursor < 50_000) {
                for (int i = m.cursor + 1; i <= target; i++) moveCursor(m, i, m.looping() ? millis : m.ticks[i].atMillis());
            } else moveCursor(m, target, millis);
        }
    }

    void moveCursor(Market m, int index, long atMillis) {
        m.cursor = index;
        m.cursorAtMillis = atMillis;
        matcher.run(m);
        ws.onTick(m);
    }

    Market marketOf(long conid) {
        Market m = markets.get(conid);
        if (m == null) throw new IllegalArgumentException("the simulator has no instrument with conid " + conid
            + " (configured: " + markets.keySet() + ")");
        return m;
    }

    // ---------------------------------------------------------------- session

    boolean hasSso() {
        return state == SessionState.AUTHENTICATED || state == SessionState.BROKERAGE_DOWN || state == SessionState.COMPETING;
    }

    /** A fresh SSO login (browser/IBeam): new session id, login time; AUTHENTICATED or COMPETING. */
    void newSsoLogin(boolean competing) {
        byte[] id = new byte[16];
        random.nextBytes(id);
        sessionId = HexFormat.of().formatHex(id);
        loginAtMillis = nowMillis();
        lastRequestMillis = loginAtMillis;
        expiryReason = null;
        if (competing) setState(SessionState.COMPETING);
        else setState(SessionState.AUTHENTICATED);
    }

    void setState(SessionState s) {
        switch (s) {
            case AUTHENTICATED -> {
                epoch = new BrokerageEpoch(++epochCounter, nowMillis());
                brokerageConnected = true;
                for (PendingReply r : replies.values())
                    if (r.state == PendingReply.State.PENDING) r.state = PendingReply.State.INVALIDATED;
            }
            case BROKERAGE_DOWN -> brokerageConnected = true;
            case COMPETING -> brokerageConnected = true;
            case UNAUTHENTICATED, EXPIRED -> { brokerageConnected = false; epoch = null; }
            case NOT_RUNNING -> { stopGateway(); return; }
        }
        state = s;
        if (sessionId == null && hasSso()) {
            byte[] id = new byte[16];
            random.nextBytes(id);
            sessionId = HexFormat.of().formatHex(id);
            loginAtMillis = nowMillis();
        }
    }

    void expire(ExpiryReason reason) {
        setState(SessionState.EXPIRED);
        expiryReason = reason;
    }

    void nightlyReset() { nightlyResetAt(nowMillis()); }

    private void nightlyResetAt(long at) {
        expire(ExpiryReason.NIGHTLY_RESET);
        outageUntilMillis = at + options.resetOutage.toMillis();
    }

    Account findAccount(String id) {
        for (Account a : accounts) if (a.id().equals(id)) return a;
        return null;
    }

    /** Strict mode: order calls, live orders and snapshot need /iserver/accounts first in each epoch (§4 check 4). */
    SimResponse requireAccountsFirst() {
        if (options.strict && options.requireAccountsFirst && epoch != null && !epoch.accountsQueried)
            return SimResponse.errorObject(400, "call /iserver/accounts first");
        return null;
    }

    long epochNumber() { return epoch == null ? 0 : epoch.number; }

    SessionState visibleState() { return running ? state : SessionState.NOT_RUNNING; }

    // ---------------------------------------------------------------- request pipeline

    private SimResponse handle(SimRequest req) {
        return new Pipeline(this).handle(req);
    }

    /** Waits {@code millis} of wall time outside the lock; true when the simulator closed meanwhile. */
    boolean pauseWall(long millis) { return server.pause(millis); }

    static Map<String, String> selectedHeaders(SimRequest r) {
        Map<String, String> h = new TreeMap<>();
        for (String k : List.of("User-Agent", "Content-Length", "Content-Type", "Cookie", "Transfer-Encoding"))
            if (r.header(k) != null) h.put(k, r.header(k));
        return h;
    }
}
