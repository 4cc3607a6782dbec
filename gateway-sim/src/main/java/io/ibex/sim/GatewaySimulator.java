package io.ibex.sim;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/**
 * An in-process HTTPS fake of the IBKR Client Portal gateway (docs/gateway-simulator.md): session model and gating,
 * the REST endpoints with their real quirks, a matching engine, fault injection, pacing and a request journal.
 * All domain state sits behind one lock; only deliberate latency/hang faults block a response.
 */
public final class GatewaySimulator implements AutoCloseable {
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
    final SimTimeline timeline = new SimTimeline(this);

    SessionState state;
    boolean running = true;
    boolean brokerageConnected;
    ExpiryReason expiryReason;
    BrokerageEpoch epoch;
    long epochCounter;
    String sessionId;
    final int userId;
    long loginAtMillis;
    long lastRequestMillis;
    long outageUntilMillis = Long.MIN_VALUE;

    private final String adminToken = SimTls.newToken();
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
        timeline.start(now);
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
    public Path writeCertificatePem(Path file) { return SimTls.writePem(certificatePem(), file); }

    /**
     * Writes the certificate PEM as a new file in a new private (0700) temp directory: nothing planted in a shared
     * {@code /tmp} (a symlink, a file) can redirect or pre-empt it. The caller deletes it when done.
     */
    public Path writeCertificatePemPrivately(Path tempRoot) { return SimTls.writePemPrivately(certificatePem(), tempRoot); }

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
        synchronized (lock) { SimSession.restart(this); }
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

    void schedule(Duration after, Runnable action) { timeline.schedule(after, action); }

    /** Runs every due timer and deadline in time order, moving the market up to each, then to now. */
    void onTime() { timeline.onTime(); }

    void moveMarketsTo(long millis) { timeline.moveMarketsTo(millis); }

    void moveCursor(Market m, int index, long atMillis) { timeline.moveCursor(m, index, atMillis); }

    private void onClockMoved() { synchronized (lock) { onTime(); } }

    Market marketOf(long conid) {
        Market m = markets.get(conid);
        if (m == null) throw new IllegalArgumentException("the simulator has no instrument with conid " + conid
            + " (configured: " + markets.keySet() + ")");
        return m;
    }

    // ---------------------------------------------------------------- session

    boolean hasSso() { return state == SessionState.AUTHENTICATED || state == SessionState.BROKERAGE_DOWN || state == SessionState.COMPETING; }

    void nightlyReset() { nightlyResetAt(nowMillis()); }

    /** A fresh SSO login (browser/IBeam): new session id, login time; AUTHENTICATED or COMPETING. */
    void newSsoLogin(boolean competing) { SimSession.newSsoLogin(this, competing); }

    void setState(SessionState s) { SimSession.setState(this, s); }

    void expire(ExpiryReason reason) { SimSession.expire(this, reason); }

    void nightlyResetAt(long at) { SimSession.nightlyResetAt(this, at); }

    Account findAccount(String id) {
        for (Account a : accounts) if (a.id().equals(id)) return a;
        return null;
    }

    /** Strict mode: order calls, live orders and snapshot need /iserver/accounts first in each epoch (§4 check 4). */
    SimResponse requireAccountsFirst() { return SimSession.requireAccountsFirst(this); }

    long epochNumber() { return epoch == null ? 0 : epoch.number; }

    SessionState visibleState() { return running ? state : SessionState.NOT_RUNNING; }

    // ---------------------------------------------------------------- request pipeline

    private SimResponse handle(SimRequest req) { return new Pipeline(this).handle(req); }

    /** Waits {@code millis} of wall time outside the lock; true when the simulator closed meanwhile. */
    boolean pauseWall(long millis) { return server.pause(millis); }
}
