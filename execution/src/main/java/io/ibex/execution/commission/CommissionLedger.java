package io.ibex.execution.commission;

import io.ibex.framework.domain.Instrument;
import io.ibex.framework.domain.Side;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Prices fills as they happen, for one account: the cumulative per-order rule ({@link CumulativeCommission}), the
 * month-to-date share volume that IBKR's tiers are based on (reset when a fill falls in a new calendar month), and
 * IBKR's rule that an order still working on a later trading day counts as a new order (it pays the minimum again).
 * Dates are taken in the exchange's time zone, America/New_York for US stocks. Not thread-safe: one per backtest.
 */
public final class CommissionLedger {
    /** US stock exchanges' zone: a fill at 23:30 UTC in winter is still the same New York trading day. */
    public static final ZoneId US_EXCHANGES = ZoneId.of("America/New_York");

    private final CommissionModel model;
    private final ZoneId exchangeZone;
    private final Map<String, OrderState> orders = new HashMap<>();
    private LocalDate month;                 // first day of the month the volume belongs to; null before any fill
    private BigDecimal monthVolume = BigDecimal.ZERO;
    private BigDecimal total = CommissionRounding.round(BigDecimal.ZERO);

    public CommissionLedger(CommissionModel model, ZoneId exchangeZone) {
        this.model = Objects.requireNonNull(model, "model");
        this.exchangeZone = Objects.requireNonNull(exchangeZone, "exchangeZone");
    }

    public CommissionLedger(CommissionModel model) { this(model, US_EXCHANGES); }

    /**
     * Charges one fill and returns its commission.
     *
     * @param orderId    the order the fill belongs to (e.g. its ClientOrderId's value)
     * @param timeMillis fill time, epoch milliseconds; fills must come in time order
     */
    public BigDecimal onFill(String orderId, Instrument instrument, Side side, BigDecimal quantity, BigDecimal price,
                             long timeMillis) {
        Objects.requireNonNull(orderId, "orderId");
        Orders.check(instrument, side, quantity, price);
        LocalDate day = Instant.ofEpochMilli(timeMillis).atZone(exchangeZone).toLocalDate();
        LocalDate fillMonth = day.withDayOfMonth(1);
        if (month != null && fillMonth.isBefore(month))
            throw new IllegalArgumentException("fill of order " + orderId + " at " + Instant.ofEpochMilli(timeMillis)
                + " is in an earlier month than a previous fill (" + month + "): fills must be charged in time order");
        if (!fillMonth.equals(month)) {
            month = fillMonth;
            monthVolume = BigDecimal.ZERO;
        }
        OrderState state = orders.get(orderId);
        if (state == null || !state.day.equals(day)) {
            state = new OrderState(day, monthVolume);
            orders.put(orderId, state);
        }
        BigDecimal charge = CumulativeCommission.forFill(model, instrument, side, state.quantity, state.notional,
            quantity, price, state.monthVolumeBefore);
        state.quantity = state.quantity.add(quantity);
        state.notional = state.notional.add(quantity.multiply(price));
        monthVolume = monthVolume.add(quantity);
        total = total.add(charge);
        return charge;
    }

    /** Forgets a finished order (filled or canceled), so long backtests do not keep every order in memory. */
    public void orderDone(String orderId) { orders.remove(Objects.requireNonNull(orderId, "orderId")); }

    /** Shares traded so far in the month of the latest fill. */
    public BigDecimal monthToDateVolume() { return monthVolume; }

    /** Everything charged so far. */
    public BigDecimal total() { return total; }

    private static final class OrderState {
        final LocalDate day;
        final BigDecimal monthVolumeBefore;
        BigDecimal quantity = BigDecimal.ZERO;
        BigDecimal notional = BigDecimal.ZERO;

        OrderState(LocalDate day, BigDecimal monthVolumeBefore) {
            this.day = day;
            this.monthVolumeBefore = monthVolumeBefore;
        }
    }
}
