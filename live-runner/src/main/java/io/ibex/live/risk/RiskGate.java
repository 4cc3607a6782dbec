package io.ibex.live.risk;

import io.ibex.framework.domain.Instrument;
import io.ibex.framework.domain.OrderType;
import io.ibex.framework.domain.Side;
import io.ibex.live.market.QuoteFlag;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Pre-trade risk checks (P4), pure apart from two pieces of state it owns: the approval times of the last minute
 * (order rate) and the equity at the start of the ET trading day (daily loss). Time comes from the injected clock.
 * Checks run cheapest and most fundamental first, so a halted runner says KILL_SWITCH rather than a price complaint.
 */
public final class RiskGate {
    static final ZoneId ET = ZoneId.of("America/New_York");

    private final RiskLimits limits;
    private final InstantSource clock;
    private final BooleanSupplier killSwitch;
    private final long[] approvals;      // ring of approval times (ms), capacity = maxOrdersPerMinute
    private int approvalNext;
    private int approvalCount;
    private final Set<Instrument> frozen = new HashSet<>();
    private volatile boolean connected = true;
    private LocalDate day;
    private BigDecimal dayStartEquity;

    public RiskGate(RiskLimits limits, InstantSource clock, BooleanSupplier killSwitch) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.killSwitch = Objects.requireNonNull(killSwitch, "killSwitch");
        this.approvals = new long[limits.maxOrdersPerMinute()];
    }

    public RiskLimits limits() { return limits; }

    /** Position mismatch found by reconciliation: the instrument becomes cancel-only until an operator clears it. */
    public synchronized void freeze(Instrument instrument) { frozen.add(instrument); }

    public synchronized boolean isFrozen(Instrument instrument) { return frozen.contains(instrument); }

    public void setConnected(boolean connected) { this.connected = connected; }

    /**
     * Feeds the current equity. The first value seen on each ET calendar day becomes that day's start, so the loss
     * limit resets once per ET midnight whatever the wall clock does in between.
     */
    public synchronized void observeEquity(BigDecimal equity) {
        LocalDate today = LocalDate.ofInstant(Instant.ofEpochMilli(clock.millis()), ET);
        if (!today.equals(day)) {
            day = today;
            dayStartEquity = equity;
        }
    }

    /** Checks one order; an approval counts against the order rate. */
    public synchronized RiskDecision check(OrderCheck o, MarketView m, Exposure e, BigDecimal equity) {
        double q = o.quantity();
        if (!Double.isFinite(q) || q <= 0 || BigDecimal.valueOf(q).compareTo(limits.maxQuantity()) > 0)
            return deny(DenyReason.INVALID_QUANTITY, o, "quantity " + q + " is not a positive number up to " + limits.maxQuantity());
        if (killSwitch.getAsBoolean())
            return deny(DenyReason.KILL_SWITCH, o, "trading is halted (kill switch); remove the HALT file / restart after review");
        if (frozen.contains(o.instrument()))
            return deny(DenyReason.FROZEN_INSTRUMENT, o, "instrument is cancel-only after a position mismatch; reconcile by hand");
        if (!connected)
            return deny(DenyReason.DISCONNECTED, o, "gateway is disconnected; orders resume after reconciliation");
        if (m.flags().contains(QuoteFlag.HALTED))
            return deny(DenyReason.HALTED_INSTRUMENT, o, "last price carries the H (halted) prefix");
        if (m.flags().contains(QuoteFlag.PRIOR_CLOSE))
            return deny(DenyReason.PRIOR_CLOSE, o, "last price is the prior close (C prefix), not a trade");
        if (!m.flags().isEmpty() || m.ageMillis() > limits.maxSnapshotAgeMillis() || !(m.last() > 0))
            return deny(DenyReason.STALE_DATA, o, "decision price " + m.last() + " is " + m.ageMillis() + " ms old (max "
                + limits.maxSnapshotAgeMillis() + ") flags " + m.flags());
        RiskDecision price = checkPrices(o, m.last());
        if (price != null) return price;
        double ref = o.type() == OrderType.LMT || o.type() == OrderType.STOP_LIMIT ? Math.max(o.limitPrice(), m.last()) : m.last();
        BigDecimal qty = BigDecimal.valueOf(q);
        BigDecimal value = qty.multiply(BigDecimal.valueOf(ref));
        if (value.compareTo(limits.maxOrderValue()) > 0)
            return deny(DenyReason.MAX_ORDER_VALUE, o, "order value " + value.stripTrailingZeros().toPlainString()
                + " exceeds " + limits.maxOrderValue());
        BigDecimal worst = o.side() == Side.BUY ? e.worstLong().add(qty) : e.worstShort().subtract(qty);
        if (worst.abs().compareTo(limits.maxPosition()) > 0)
            return deny(DenyReason.MAX_POSITION, o, "worst-case position " + worst.stripTrailingZeros().toPlainString()
                + " (open orders and UNKNOWN intents counted as filled) exceeds " + limits.maxPosition());
        observeEquity(equity);
        BigDecimal loss = dayStartEquity.subtract(equity);
        boolean reducing = o.side() == Side.BUY ? e.position().signum() < 0 && qty.compareTo(e.position().negate()) <= 0
            : e.position().signum() > 0 && qty.compareTo(e.position()) <= 0;
        if (loss.compareTo(limits.dailyLossLimit()) >= 0 && !reducing)
            return deny(DenyReason.DAILY_LOSS, o, "today's loss " + loss.stripTrailingZeros().toPlainString()
                + " reached the daily limit " + limits.dailyLossLimit() + "; only reducing orders until the next ET day");
        long now = clock.millis();
        if (approvalCount == approvals.length && now - approvals[approvalNext] < 60_000)
            return deny(DenyReason.ORDER_RATE, o, "more than " + limits.maxOrdersPerMinute() + " orders in 60 s");
        approvals[approvalNext] = now;
        approvalNext = (approvalNext + 1) % approvals.length;
        if (approvalCount < approvals.length) approvalCount++;
        return RiskDecision.APPROVED;
    }

    private RiskDecision checkPrices(OrderCheck o, double last) {
        boolean needsLimit = o.type() == OrderType.LMT || o.type() == OrderType.STOP_LIMIT;
        boolean needsStop = o.type() == OrderType.STP || o.type() == OrderType.STOP_LIMIT;
        if (needsLimit && !(o.limitPrice() > 0 && Double.isFinite(o.limitPrice())))
            return deny(DenyReason.INVALID_PRICE, o, o.type() + " needs a positive limit price, got " + o.limitPrice());
        if (needsStop && !(o.stopPrice() > 0 && Double.isFinite(o.stopPrice())))
            return deny(DenyReason.INVALID_PRICE, o, o.type() + " needs a positive stop price, got " + o.stopPrice());
        double collar = limits.priceCollar();
        if (needsLimit && Math.abs(o.limitPrice() - last) > collar * last)
            return deny(DenyReason.PRICE_COLLAR, o, "limit " + o.limitPrice() + " is more than " + collar * 100 + " % from last " + last);
        if (needsStop && Math.abs(o.stopPrice() - last) > collar * last)
            return deny(DenyReason.PRICE_COLLAR, o, "stop " + o.stopPrice() + " is more than " + collar * 100 + " % from last " + last);
        return null;
    }

    private static RiskDecision.Denied deny(DenyReason reason, OrderCheck o, String why) {
        return new RiskDecision.Denied(reason, o.side() + " " + o.quantity() + " " + o.instrument() + " denied: " + why);
    }
}
