package io.ibex.execution;

import io.ibex.framework.domain.Fill;
import io.ibex.framework.domain.Instrument;
import io.ibex.framework.domain.Position;
import io.ibex.framework.domain.Side;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Cash and the position of one instrument, kept in exact decimals. Fills are the only input. A round trip runs from
 * flat to flat; its P&L is {@code ±(exit value - entry cost) - commission}, computed without any division, so the sum
 * of closed trades plus the open position marked to market equals final equity minus initial cash to the cent.
 *
 * <p>Doubles {@link #cashValue()} and {@link #positionValue()} mirror the decimals for the per-bar equity curve, so
 * marking to market allocates nothing; they change only when a fill arrives.
 */
public final class Ledger {
    /** Only for displaying averages; never feeds back into cash or P&L. */
    private static final MathContext DISPLAY = MathContext.DECIMAL64;

    private final Instrument instrument;
    private final BigDecimal initialCash;
    private final CashAccount account;
    private BigDecimal quantity = BigDecimal.ZERO;
    private BigDecimal totalCommission = BigDecimal.ZERO;
    private double positionValue;
    private final List<Trade> trades = new ArrayList<>();

    // the open round trip
    private Side tripSide;
    private long tripEntryTime;
    private BigDecimal entryQty, entryCost, exitQty, exitValue, tripCommission;

    public Ledger(Instrument instrument, BigDecimal initialCash) {
        this(instrument, initialCash, new CashAccount(Objects.requireNonNull(initialCash, "initialCash")));
    }

    /** A ledger for one instrument of a portfolio: its fills move the shared {@code account}. */
    public Ledger(Instrument instrument, BigDecimal initialCash, CashAccount account) {
        this.instrument = Objects.requireNonNull(instrument, "instrument");
        this.initialCash = Objects.requireNonNull(initialCash, "initialCash");
        this.account = Objects.requireNonNull(account, "account");
    }

    public void apply(Fill fill) {
        if (!fill.instrument().equals(instrument))
            throw new IllegalArgumentException("fill " + fill.executionId() + " is for " + fill.instrument() + ", this ledger keeps " + instrument);
        BigDecimal signed = fill.signedQuantity();
        BigDecimal price = fill.price();
        account.add(signed.multiply(price).add(fill.commission()).negate());
        totalCommission = totalCommission.add(fill.commission());
        if (quantity.signum() == 0) {
            open(fill.side(), fill.timeMillis(), fill.quantity(), price, fill.commission());
        } else if (quantity.signum() == signed.signum()) {
            entryQty = entryQty.add(fill.quantity());
            entryCost = entryCost.add(fill.quantity().multiply(price));
            tripCommission = tripCommission.add(fill.commission());
        } else {
            reduce(fill, price);
        }
        quantity = quantity.add(signed);
        positionValue = quantity.doubleValue();
    }

    private void reduce(Fill fill, BigDecimal price) {
        BigDecimal held = quantity.abs();
        BigDecimal closing = fill.quantity().min(held);
        BigDecimal opening = fill.quantity().subtract(closing);
        // a reversal splits the fill's commission pro rata; the remainder goes to the new trip so the total is exact
        BigDecimal closingCommission = opening.signum() == 0 ? fill.commission()
            : fill.commission().multiply(closing).divide(fill.quantity(), 10, RoundingMode.HALF_EVEN);
        exitQty = exitQty.add(closing);
        exitValue = exitValue.add(closing.multiply(price));
        tripCommission = tripCommission.add(closingCommission);
        if (closing.compareTo(held) == 0) {
            closeTrip(fill.timeMillis());
            if (opening.signum() > 0)
                open(fill.side(), fill.timeMillis(), opening, price, fill.commission().subtract(closingCommission));
        }
    }

    private void open(Side side, long time, BigDecimal qty, BigDecimal price, BigDecimal commission) {
        tripSide = side;
        tripEntryTime = time;
        entryQty = qty;
        entryCost = qty.multiply(price);
        exitQty = BigDecimal.ZERO;
        exitValue = BigDecimal.ZERO;
        tripCommission = commission;
    }

    private void closeTrip(long exitTime) {
        BigDecimal gross = tripSide == Side.BUY ? exitValue.subtract(entryCost) : entryCost.subtract(exitValue);
        trades.add(new Trade(instrument, tripSide, entryQty, tripEntryTime, average(entryCost, entryQty), exitTime,
            average(exitValue, exitQty), gross.subtract(tripCommission), tripCommission));
        tripSide = null;
    }

    private static BigDecimal average(BigDecimal value, BigDecimal qty) {
        BigDecimal avg = qty.compareTo(BigDecimal.ONE) == 0 ? value : value.divide(qty, DISPLAY);
        return avg.stripTrailingZeros().scale() < 0 ? avg.setScale(0) : avg.stripTrailingZeros();
    }

    public Instrument instrument() { return instrument; }
    public BigDecimal initialCash() { return initialCash; }
    public BigDecimal cash() { return account.cash(); }
    /** Signed quantity held (negative = short). */
    public BigDecimal quantity() { return quantity; }
    public BigDecimal totalCommission() { return totalCommission; }
    public List<Trade> trades() { return List.copyOf(trades); }
    public int tradeCount() { return trades.size(); }
    /** Sum of the P&L of closed round trips (after their commissions). */
    public BigDecimal realisedPnl() {
        BigDecimal sum = BigDecimal.ZERO;
        for (Trade t : trades) sum = sum.add(t.pnl());
        return sum;
    }

    /** Cash plus the position marked at {@code price}, exact. */
    public BigDecimal equity(BigDecimal price) { return account.cash().add(quantity.multiply(price)); }

    /** The open position, or an empty list when flat. Average price is that of the current round trip's entries. */
    public List<Position> positions() {
        if (quantity.signum() == 0) return List.of();
        return List.of(new Position(instrument, quantity, average(entryCost, entryQty)));
    }

    /** Time of the first entry fill of the open round trip, or {@link Long#MIN_VALUE} when flat. */
    public long openSinceMillis() { return quantity.signum() == 0 ? Long.MIN_VALUE : tripEntryTime; }

    /** Cash as a double, for the per-bar equity curve only. */
    public double cashValue() { return account.cashValue(); }
    /** Signed position as a double, for the per-bar equity curve and strategies only. */
    public double positionValue() { return positionValue; }
}
