package io.ibex.gateway;

import io.ibex.framework.error.ConfigException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;

/**
 * The gateway as ibex uses it: Feign transport underneath, typed results on top. Knows the gateway's habits:
 * paging positions until a short page, snapshot pre-flight (re-ask, bounded), the live-orders cache (first answer
 * may be empty; {@code force} is empty by design), the question chain (capped, one ticket at a time), and which
 * order failures leave the outcome unknown. It never resends an order call.
 */
public final class GatewayClient {
    private static final Logger log = LoggerFactory.getLogger(GatewayClient.class);
    static final String EMPTY = "{}";
    static final int POSITIONS_PAGE = 100;
    static final int MAX_PAGES = 100;

    private final GatewayTransport.Apis api;
    private final GatewayClock clock;
    private final int maxQuestions;
    private final int preflightAttempts;
    private final Duration preflightPause;
    private final ReentrantLock orderLock = new ReentrantLock();
    private final Map<String, Long> conidCache = new ConcurrentHashMap<>();
    private volatile boolean liveOrdersPrimed;

    public GatewayClient(GatewayTransport.Apis api, GatewayClock clock) {
        this(api, clock, 10, 5, Duration.ofMillis(500));
    }

    /**
     * @param maxQuestions      questions answered per ticket before giving up (5-20)
     * @param preflightAttempts snapshot requests per call while fields have not arrived yet
     */
    public GatewayClient(GatewayTransport.Apis api, GatewayClock clock, int maxQuestions, int preflightAttempts, Duration preflightPause) {
        if (maxQuestions < 5 || maxQuestions > 20) throw new IllegalArgumentException("maxQuestions must be 5..20, was " + maxQuestions);
        this.api = api;
        this.clock = clock;
        this.maxQuestions = maxQuestions;
        this.preflightAttempts = Math.max(1, preflightAttempts);
        this.preflightPause = preflightPause;
    }

    public GatewayTransport.Apis api() { return api; }

    // ---- session ---------------------------------------------------------------------------------------------

    public AuthStatus tickle() { return AuthStatus.parse(FeignCalls.call("?", () -> api.session().tickle(EMPTY))); }

    /** The {@code session} of a tickle: what the WebSocket's cookie {@code api={"session":..}} carries. */
    public String sessionId() {
        String body = FeignCalls.call("?", () -> api.session().tickle(EMPTY));
        try {
            String s = Json.MAPPER.readTree(body).path("session").asText("");
            if (s.isEmpty()) throw new GatewayProtocolException("/tickle", "no session in the answer: " + ErrorBody.message(body));
            return s;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new GatewayProtocolException("/tickle", "unreadable JSON: " + e.getOriginalMessage());
        }
    }

    public AuthStatus authStatus() { return AuthStatus.parse(FeignCalls.call("?", () -> api.session().authStatus(EMPTY))); }

    /** (Re)opens the brokerage session ({@code ssodh/init publish+compete}); the fix for "no bridge". */
    public AuthStatus openBrokerageSession() {
        return AuthStatus.parse(FeignCalls.call("?", () -> api.session().ssodhInit("{\"publish\":true,\"compete\":true}")));
    }

    public void logout() { FeignCalls.call("?", () -> api.session().logout(EMPTY)); }

    /** Switches the active account (FA / multi-account logins). */
    public void selectAccount(AccountId account) {
        FeignCalls.call("?", () -> api.accounts().selectAccount("{\"acctId\":" + Json.MAPPER.valueToTree(account.value()) + "}"));
    }

    // ---- accounts and portfolio ------------------------------------------------------------------------------

    /** {@code GET /iserver/accounts}; IBKR requires it before snapshots and orders after every login. */
    public BrokerageAccounts brokerageAccounts() { return BrokerageAccounts.parse(FeignCalls.call("?", () -> api.accounts().accounts())); }

    /** The account to use: {@code requested} if this login serves it, else the gateway's selected account. */
    public AccountId resolveAccount(String requested) {
        BrokerageAccounts accounts = brokerageAccounts();
        if (requested == null || requested.isBlank()) {
            if (accounts.selected().isBlank()) throw new ConfigException("the gateway lists no account for this login; pass --account ID");
            return new AccountId(accounts.selected());
        }
        if (!accounts.accounts().isEmpty() && !accounts.accounts().contains(requested))
            throw new ConfigException("account " + AccountId.mask(requested) + " is not served by this login (it serves "
                + accounts.accounts().stream().map(AccountId::mask).collect(Collectors.joining(", ")) + "); check --account");
        return new AccountId(requested);
    }

    public List<PortfolioAccount> portfolioAccounts() { return PortfolioAccount.parseList(FeignCalls.call("?", () -> api.portfolio().accounts())); }

    public Map<String, SummaryValue> summary(AccountId account) {
        return SummaryValue.parse(FeignCalls.call("?", () -> api.portfolio().summary(account.value())));
    }

    public List<LedgerEntry> ledger(AccountId account) { return LedgerEntry.parse(FeignCalls.call("?", () -> api.portfolio().ledger(account.value()))); }

    /** All positions, paging {@code positions/0,1,...} until a page shorter than 100 rows. */
    public List<PortfolioPosition> positions(AccountId account) {
        List<PortfolioPosition> all = new ArrayList<>();
        for (int page = 0; page < MAX_PAGES; page++) {
            final int p = page;
            String body = FeignCalls.call("?", () -> api.portfolio().positions(account.value(), p));
            int rows = JsonBodies.array("/portfolio/positions", body, null).size();
            all.addAll(PortfolioPosition.parseList(body));
            if (rows < POSITIONS_PAGE) return all;
        }
        throw new GatewayProtocolException("/portfolio/positions", "more than " + MAX_PAGES + " full pages; refusing to page further");
    }

    /** Near-real-time positions ({@code /portfolio2}); use after fills, when the cached pages lag. */
    public List<PortfolioPosition> positionsRealtime(AccountId account) {
        return PortfolioPosition.parseList(FeignCalls.call("?", () -> api.portfolio().positionsRealtime(account.value())));
    }

    public void invalidatePositions(AccountId account) { FeignCalls.call("?", () -> api.portfolio().invalidatePositions(account.value(), EMPTY)); }

    // ---- contracts -------------------------------------------------------------------------------------------

    public List<ContractCandidate> search(String symbol) {
        String s = symbol.trim().toUpperCase(Locale.ROOT);
        return ContractCandidate.parseList(FeignCalls.call("?", () -> api.contracts().search(s, null)));
    }

    /** The conid of a US stock symbol (a number is taken as a conid as is); cached, conids never change. */
    public long resolveConid(String symbolOrConid) {
        String s = symbolOrConid.trim().toUpperCase(Locale.ROOT);
        if (s.matches("\\d{1,12}")) return Long.parseLong(s);
        Long cached = conidCache.get(s);
        if (cached != null) return cached;
        List<ContractCandidate> candidates = search(s);
        ContractCandidate pick = ContractCandidate.pickUsStock(candidates, s).orElseThrow(() -> new ConfigException(
            "no stock listing found for symbol '" + s + "'" + (candidates.isEmpty() ? "" : " (matches: "
                + candidates.stream().limit(5).map(c -> c.symbol() + "/" + c.description() + "/" + c.conid()).collect(Collectors.joining(", "))
                + ")") + "; check the symbol or pass the conid (ibex search " + s + ")"));
        conidCache.put(s, pick.conid());
        return pick.conid();
    }

    // ---- market data -----------------------------------------------------------------------------------------

    /**
     * Snapshot of {@code conids} with {@code fields}. The first request per conid only opens the stream (no values),
     * so this re-asks up to the configured number of times, pausing on the injected clock, until every conid has at
     * least one value. Rows that never fill stay field-less: callers must treat them as "no data", never 0.
     */
    public List<SnapshotRow> snapshot(Collection<Long> conids, Collection<Integer> fields) {
        List<String> conidList = conids.stream().map(String::valueOf).toList();
        List<String> fieldList = fields.stream().map(String::valueOf).toList();
        Map<Long, SnapshotRow> latest = new LinkedHashMap<>();
        for (int attempt = 1; attempt <= preflightAttempts; attempt++) {
            for (SnapshotRow row : SnapshotParser.parse(FeignCalls.call("?", () -> api.marketData().snapshot(conidList, fieldList)))) {
                SnapshotRow previous = latest.get(row.conid());
                if (previous == null || !row.isPreflight()) latest.put(row.conid(), row);
            }
            boolean complete = conids.stream().allMatch(c -> latest.containsKey(c) && !latest.get(c).isPreflight());
            if (complete || attempt == preflightAttempts) break;
            pause(preflightPause);
        }
        List<SnapshotRow> out = new ArrayList<>();
        for (Long c : conids) out.add(latest.getOrDefault(c, SnapshotRow.empty(c)));
        return out;
    }

    /** Bars of {@code conid} ({@code period} like "1d", {@code bar} like "5min"); at most 5 in flight (limiter). */
    public io.ibex.framework.domain.Bars history(long conid, io.ibex.framework.domain.Instrument instrument, String period, String bar) {
        return HistoryParser.parse(FeignCalls.call("?", () -> api.marketData().history(conid, period, bar, null)), instrument, conid);
    }

    public void unsubscribe(long conid) { FeignCalls.call("?", () -> api.marketData().unsubscribe("{\"conid\":" + conid + "}")); }

    // ---- orders ----------------------------------------------------------------------------------------------

    /**
     * Places one ticket and walks the question chain (at most {@code maxQuestions}); a question the policy does not
     * confirm is answered {@code confirmed:false} and ends as {@link PlaceOrderReply.Rejected}. Throws
     * {@link OrderOutcomeUnknownException} when the order may or may not exist; nothing is ever resent.
     */
    public PlaceOrderReply placeOrder(OrderTicket ticket, QuestionPolicy policy) {
        FeignCalls.requireCoid(ticket);
        orderLock.lock();
        try {
            String body = OrderJson.place(ticket);
            PlaceOrderReply reply = FeignCalls.orderCall(ticket, "/iserver/account/orders",
                () -> api.orders().place(ticket.accountId(), body));
            return walkQuestions(ticket, reply, policy);
        } finally {
            orderLock.unlock();
        }
    }

    /**
     * Places a bracket or OCA group as one ticket ({@link OrderJson#placeGroup}); the first leg carries the cOID the
     * outcome is looked up by. Never retried, like {@link #placeOrder}.
     */
    public PlaceOrderReply placeOrders(List<OrderTicket> legs, List<String> parentIds, boolean singleGroup, QuestionPolicy policy) {
        OrderTicket first = legs.get(0);
        FeignCalls.requireCoid(first);
        orderLock.lock();
        try {
            String body = OrderJson.placeGroup(legs, parentIds, singleGroup);
            PlaceOrderReply reply = FeignCalls.orderCall(first, "/iserver/account/orders",
                () -> api.orders().place(first.accountId(), body));
            return walkQuestions(first, reply, policy);
        } finally {
            orderLock.unlock();
        }
    }

    /** Modifies a working order. {@code ticket} must repeat EVERY original field, changed values included. */
    public PlaceOrderReply modifyOrder(String orderId, OrderTicket ticket, QuestionPolicy policy) {
        FeignCalls.requireCoid(ticket);
        orderLock.lock();
        try {
            String body = OrderJson.modify(new OrderTicket(ticket.accountId(), ticket.conid(), ticket.side(), ticket.quantity(),
                ticket.type(), ticket.price(), ticket.auxPrice(), ticket.tif(), null, ticket.outsideRth()));
            PlaceOrderReply reply = FeignCalls.orderCall(ticket, "/iserver/account/order",
                () -> api.orders().modify(ticket.accountId(), orderId, body));
            return walkQuestions(ticket, reply, policy);
        } finally {
            orderLock.unlock();
        }
    }

    /** Margin and commission preview; creates no order. */
    public WhatIf whatIf(OrderTicket ticket) {
        String body = OrderJson.place(ticket);
        return WhatIf.parse(FeignCalls.call("/iserver/account/orders/whatif", () -> api.orders().whatIf(ticket.accountId(), body)));
    }

    /** Pre-confirms the given question ids for this brokerage session (send the whole list after every login). */
    public void suppressQuestions(java.util.Collection<String> messageIds) {
        var node = Json.MAPPER.createObjectNode();
        var ids = node.putArray("messageIds");
        messageIds.forEach(ids::add);
        FeignCalls.call("/iserver/questions/suppress", () -> api.orders().suppress(node.toString()));
    }

    /** Asks IBKR to cancel; an acknowledgement is not a cancellation (watch live orders for "Cancelled"). */
    public CancelReply cancel(AccountId account, String orderId) {
        orderLock.lock();
        try {
            return CancelReply.parse(FeignCalls.call("/iserver/account/order", () -> api.orders().cancel(account.value(), orderId)));
        } finally {
            orderLock.unlock();
        }
    }

    /**
     * Live orders. The gateway's first answer after login can be empty while its cache fills, so an empty first
     * answer is asked once more (the limiter spaces the two calls 5 s apart). Never read "empty" as "no orders"
     * from a single answer.
     */
    public List<LiveOrder> liveOrders() {
        List<LiveOrder> orders = LiveOrder.parseList(FeignCalls.call("?", () -> api.orderQueries().liveOrders(null, null)));
        if (orders.isEmpty() && !liveOrdersPrimed)
            orders = LiveOrder.parseList(FeignCalls.call("?", () -> api.orderQueries().liveOrders(null, null)));
        liveOrdersPrimed = true;
        return orders;
    }

    /**
     * Clears the gateway's live-order cache ({@code force=true}, empty by design) and reads it again; the first read
     * after a force can again be an empty warm-up answer, so an empty one is asked once more.
     */
    public List<LiveOrder> refreshLiveOrders() {
        FeignCalls.call("?", () -> api.orderQueries().liveOrders(true, null));
        liveOrdersPrimed = false;
        return liveOrders();
    }

    /** True when {@link #liveOrders} would be sent now, without waiting on its 1-per-5 s pacing. */
    public boolean liveOrdersReady() { return api.limiter().ready("GET", "/iserver/account/orders"); }

    /** True when {@link #trades} would be sent now, without waiting on its 1-per-5 s pacing. */
    public boolean tradesReady() { return api.limiter().ready("GET", "/iserver/account/trades"); }

    /** Executions of today plus {@code days - 1} prior days (1..7). */
    public List<Trade> trades(int days) {
        int d = Math.max(1, Math.min(7, days));
        return Trade.parseList(FeignCalls.call("?", () -> api.orderQueries().trades(d)));
    }

    // ---- plumbing ------------------------------------------------------------------------------------------

    private PlaceOrderReply walkQuestions(OrderTicket ticket, PlaceOrderReply first, QuestionPolicy policy) {
        PlaceOrderReply reply = first;
        int answered = 0;
        while (reply instanceof PlaceOrderReply.NeedsConfirmation q) {
            if (answered >= maxQuestions) {
                mutationQuietly(q.replyId(), false);
                return new PlaceOrderReply.Rejected("more than " + maxQuestions + " questions in a row; declined the last one");
            }
            boolean yes = policy.confirm(q);
            log.info("order {} question {} {} -> {}", ticket.clientOrderId(), q.messageIds(), q.messages(), yes ? "confirm" : "decline");
            String body = OrderJson.confirm(yes);
            PlaceOrderReply next = FeignCalls.orderCall(ticket, "/iserver/reply", () -> api.orders().reply(q.replyId(), body));
            answered++;
            if (!yes) {
                return new PlaceOrderReply.Rejected("declined question " + q.messageIds() + ": " + String.join(" ", q.messages()).strip()
                    + (next instanceof PlaceOrderReply.Rejected r ? " (" + r.reason() + ")" : ""));
            }
            reply = next;
        }
        return reply;
    }

    private void mutationQuietly(String replyId, boolean confirmed) {
        try {
            FeignCalls.call("/iserver/reply", () -> api.orders().reply(replyId, OrderJson.confirm(confirmed)));
        } catch (RuntimeException e) {
            log.warn("declining question {} failed: {}", replyId, e.getMessage());
        }
    }

    private void pause(Duration d) {
        try {
            clock.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GatewayUnreachableException("/iserver/marketdata/snapshot", "interrupted", e);
        }
    }

}
