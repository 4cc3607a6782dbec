package io.ibex.backtest;

import io.ibex.execution.SimulatedBroker;
import io.ibex.execution.IntrabarPath;
import io.ibex.execution.Ledger;
import io.ibex.execution.Trade;
import io.ibex.execution.commission.CommissionModels;
import io.ibex.data.BarSources;
import io.ibex.framework.domain.Bars;
import io.ibex.framework.domain.ClientOrderId;
import io.ibex.framework.domain.Fill;
import io.ibex.framework.domain.OrderRequest;
import io.ibex.framework.domain.OrderType;
import io.ibex.framework.domain.Side;
import io.ibex.framework.domain.TimeInForce;
import io.ibex.framework.event.OrderEvent;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

/**
 * For random sequences of market, limit and stop orders (random sides, sizes, prices, intrabar paths; IBKR fixed
 * commissions) on real AAPL bars, after every bar: cash + position × close = initial cash + realised + unrealised P&L −
 * commissions, to the cent. Realised and unrealised P&L and commissions are recomputed here from the fill events by
 * average cost, independently of the ledger; when flat, realised P&L also equals the ledger's closed trades.
 */
class AccountingIdentityPropertyTest {
    private static final Bars AAPL = BarSources.load("sample:aapl-2013", null);
    private static final int BARS = 60;
    private static final BigDecimal CENT = new BigDecimal("0.01");
    private static final MathContext MC = MathContext.DECIMAL128;
    private static final BigDecimal INITIAL = new BigDecimal("100000");

    /** Average-cost book kept from fills only. */
    private static final class Book {
        BigDecimal quantity = BigDecimal.ZERO, openCost = BigDecimal.ZERO, realised = BigDecimal.ZERO, commissions = BigDecimal.ZERO;

        void on(OrderEvent e) {
            if (!(e instanceof OrderEvent.Filled f)) return;
            Fill fill = f.fill();
            BigDecimal s = fill.signedQuantity(), p = fill.price();
            commissions = commissions.add(fill.commission());
            if (quantity.signum() == 0 || quantity.signum() == s.signum()) {
                openCost = openCost.add(s.multiply(p));
                quantity = quantity.add(s);
                return;
            }
            BigDecimal closing = s.abs().min(quantity.abs());
            BigDecimal closedCost = openCost.multiply(closing).divide(quantity.abs(), MC); // signed, like openCost
            BigDecimal closedValue = closing.multiply(p).multiply(BigDecimal.valueOf(quantity.signum()));
            realised = realised.add(closedValue.subtract(closedCost));
            openCost = openCost.subtract(closedCost);
            quantity = quantity.add(s);
            if (quantity.signum() == s.signum()) openCost = quantity.multiply(p); // reversed: the rest opened at p
            if (quantity.signum() == 0) openCost = BigDecimal.ZERO;
        }
    }

    @Test
    void cashPlusPositionAlwaysEqualsInitialCashPlusRealisedPlusUnrealisedMinusCommissions() {
        // one order = bar index, side, quantity, type (0 MKT, 1 LMT, 2 STP), price offset from the close in 0.1 %
        qt().withExamples(150).forAll(
                lists().of(lists().of(integers().between(-30, 30)).ofSize(5)).ofSizeBetween(1, 40),
                integers().between(0, 2))
            .checkAssert((orders, pathIndex) -> {
                Book book = new Book();
                Ledger ledger = new Ledger(AAPL.instrument(), INITIAL);
                SimulatedBroker broker = new SimulatedBroker(AAPL, ledger, CommissionModels.parse("ibkr-fixed"),
                    BigDecimal.ZERO, IntrabarPath.values()[pathIndex], book::on);
                int next = 0;
                for (int i = 0; i < BARS; i++) {
                    broker.advanceTo(i);
                    broker.fillAtBar();
                    for (int k = 0; k < orders.size(); k++) {
                        List<Integer> o = orders.get(k);
                        if (Math.floorMod(o.get(0), BARS) == i) broker.submit(request("o" + next++, o, AAPL.close(i)));
                    }
                    BigDecimal close = BigDecimal.valueOf(AAPL.close(i));
                    BigDecimal lhs = ledger.cash().add(ledger.quantity().multiply(close));
                    BigDecimal unrealised = book.quantity.multiply(close).subtract(book.openCost);
                    BigDecimal rhs = INITIAL.add(book.realised).add(unrealised).subtract(book.commissions);
                    assertThat(lhs.subtract(rhs).abs()).as("bar %d", i).isLessThan(CENT);
                    assertThat(ledger.quantity()).isEqualByComparingTo(book.quantity);
                    if (book.quantity.signum() == 0) {
                        BigDecimal closedGross = BigDecimal.ZERO;
                        for (Trade t : ledger.trades()) closedGross = closedGross.add(t.pnl()).add(t.commission());
                        assertThat(closedGross.subtract(book.realised).abs()).as("flat at bar %d", i).isLessThan(CENT);
                    }
                }
            });
    }

    private static OrderRequest request(String id, List<Integer> o, double close) {
        Side side = o.get(1) >= 0 ? Side.BUY : Side.SELL;
        BigDecimal quantity = BigDecimal.valueOf(1 + Math.abs(o.get(2)) % 20);
        int type = Math.floorMod(o.get(3), 3);
        BigDecimal price = BigDecimal.valueOf(close).multiply(BigDecimal.valueOf(1000 + o.get(4))).divide(BigDecimal.valueOf(1000))
            .setScale(2, java.math.RoundingMode.HALF_EVEN);
        ClientOrderId cid = new ClientOrderId(id);
        return switch (type) {
            case 1 -> new OrderRequest(cid, AAPL.instrument(), side, quantity, OrderType.LMT, price, null, TimeInForce.GTC, null, null);
            case 2 -> new OrderRequest(cid, AAPL.instrument(), side, quantity, OrderType.STP, null, price, TimeInForce.GTC, null, null);
            default -> OrderRequest.market(cid, AAPL.instrument(), side, quantity);
        };
    }
}
