package io.ibex.gateway;

import io.ibex.framework.domain.Side;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GatewayJsonTest {
    @Test
    void theThreeOrderReplyShapesAreToldApartByStructure() {
        assertThat(PlaceOrderReplyParser.parse("/o", Recorded.body("place-order/placed")))
            .isEqualTo(new PlaceOrderReply.Placed("1234567890", "Submitted"));
        assertThat(PlaceOrderReplyParser.parse("/o", Recorded.body("place-order/numeric-order-id")))
            .isEqualTo(new PlaceOrderReply.Placed("987654321", "PreSubmitted"));
        var q = (PlaceOrderReply.NeedsConfirmation) PlaceOrderReplyParser.parse("/o", Recorded.body("place-order/question"));
        assertThat(q.replyId()).isEqualTo("07a13a5a-4a48-44a5-bb25-5ab37b79186c");
        assertThat(q.messageIds()).containsExactly("o163");
        assertThat(q.messages().get(0)).contains("Percentage constraint");
        var r = (PlaceOrderReply.Rejected) PlaceOrderReplyParser.parse("/o", Recorded.body("place-order/rejected"));
        assertThat(r.reason()).startsWith("We cannot accept an order");
        assertThat(r.duplicateClientOrderId()).isFalse();
        var dup = (PlaceOrderReply.Rejected) PlaceOrderReplyParser.parse("/o", Recorded.body("place-order/duplicate-coid"));
        assertThat(dup.duplicateClientOrderId()).isTrue();
    }

    @Test
    void anUnexpectedOrderReplyIsAProtocolErrorNotAGuess() {
        assertThatThrownBy(() -> PlaceOrderReplyParser.parse("/o", "[]")).isInstanceOf(GatewayProtocolException.class);
        assertThatThrownBy(() -> PlaceOrderReplyParser.parse("/o", "{\"foo\":1}")).isInstanceOf(GatewayProtocolException.class);
        assertThatThrownBy(() -> PlaceOrderReplyParser.parse("/o", "<html>")).isInstanceOf(GatewayProtocolException.class);
        assertThatThrownBy(() -> PlaceOrderReplyParser.parse("/o", "")).isInstanceOf(GatewayProtocolException.class);
    }

    @Test
    void liveOrdersReadIdsConidsSidesAndTimesWhateverTheirJsonType() {
        List<LiveOrder> orders = LiveOrder.parseList(Recorded.body("live-orders/orders"));
        assertThat(orders).hasSize(2);
        LiveOrder filled = orders.get(0);
        assertThat(filled.orderId()).isEqualTo("1234568790");
        assertThat(filled.side()).contains(Side.SELL);
        assertThat(filled.avgPrice()).isEqualByComparingTo("192.26");
        assertThat(filled.orderRef()).isEqualTo("Order123");
        assertThat(filled.isWorking()).isFalse();
        assertThat(filled.lastExecutionMillis()).hasValue(1702317649000L);
        LiveOrder working = orders.get(1);
        assertThat(working.orderId()).isEqualTo("1234568791");
        assertThat(working.conid()).isEqualTo(265598L);
        assertThat(working.side()).contains(Side.BUY);
        assertThat(working.totalSize()).isEqualByComparingTo("10");
        assertThat(working.price()).isEqualByComparingTo("150.25");
        assertThat(working.isWorking()).isTrue();
        assertThat(working.lastExecutionMillis()).as("yyMMddHHmmss in UTC").hasValue(1702317649000L);
        assertThat(LiveOrder.parseList(Recorded.body("live-orders/empty"))).isEmpty();
    }

    @Test
    void tradesUseSingleLetterSidesStringNumbersAndEitherTimestamp() {
        List<Trade> trades = Trade.parseList(Recorded.body("trades/trades"));
        assertThat(trades).hasSize(2);
        assertThat(trades.get(0).side()).isEqualTo(Side.SELL);
        assertThat(trades.get(0).price()).isEqualByComparingTo("192.26");
        assertThat(trades.get(0).commission()).isEqualByComparingTo("1.01");
        assertThat(trades.get(0).timeMillis()).isEqualTo(1702317649000L);
        assertThat(trades.get(1).side()).isEqualTo(Side.BUY);
        assertThat(trades.get(1).size()).isEqualByComparingTo("1000");
        assertThat(trades.get(1).timeMillis()).as("yyyyMMdd-HH:mm:ss UTC").isEqualTo(1702317660000L);
        assertThat(trades.get(1).conid()).isEqualTo(265598L);
    }

    @Test
    void timestampsInMillisSecondsAndCompactFormsAllBecomeEpochMillis() {
        assertThat(Lenient.epochMillis("1702317649000")).hasValue(1702317649000L);
        assertThat(Lenient.epochMillis("1702317649")).hasValue(1702317649000L);
        assertThat(Lenient.epochMillis("231211180049")).hasValue(1702317649000L);
        assertThat(Lenient.epochMillis("20231211180049")).hasValue(1702317649000L);
        assertThat(Lenient.epochMillis("20231211-18:00:49")).hasValue(1702317649000L);
        assertThat(Lenient.epochMillis("yesterday")).isEmpty();
        assertThat(Lenient.epochMillis("231311180049")).as("month 13").isEmpty();
    }

    @Test
    void positionsFromBothPortfolioEndpointsMapToOneShapeAndUnknownPricesStayNull() {
        List<PortfolioPosition> page = PortfolioPosition.parseList(Recorded.body("positions/page"));
        assertThat(page).extracting(PortfolioPosition::description).containsExactly("SPY", "AAPL");
        assertThat(page.get(0).marketPrice()).isEqualByComparingTo("471.16000365");
        assertThat(page.get(1).position()).isEqualByComparingTo("-10");
        assertThat(page.get(1).marketPrice()).isNull();
        List<PortfolioPosition> rt = PortfolioPosition.parseList(Recorded.body("positions/portfolio2"));
        assertThat(rt.get(0).conid()).isEqualTo(756733L);
        assertThat(rt.get(0).marketValue()).isEqualByComparingTo("2355.8");
        assertThat(rt.get(0).assetClass()).isEqualTo("STK");
    }

    @Test
    void summaryLedgerAndAccountsKeepNullsAsNullAndSortBaseFirst() {
        Map<String, SummaryValue> summary = SummaryValue.parse(Recorded.body("summary/summary"));
        assertThat(summary.get("netliquidation").amount()).isEqualByComparingTo("1000000.25");
        assertThat(summary.get("availablefunds-c").amount()).isNull();
        assertThat(summary.get("accountcode").text()).isEqualTo("U1234567");
        List<LedgerEntry> ledger = LedgerEntry.parse(Recorded.body("ledger/ledger"));
        assertThat(ledger).extracting(LedgerEntry::key).containsExactly("BASE", "USD");
        assertThat(ledger.get(1).timestampMillis()).as("epoch seconds").hasValue(1702582321000L);
        assertThat(ledger.get(1).cashBalance()).isEqualByComparingTo(new BigDecimal("214716688"));
        BrokerageAccounts accounts = BrokerageAccounts.parse(Recorded.body("accounts/iserver-accounts"));
        assertThat(accounts.accounts()).containsExactly("U1234567", "U7654321");
        assertThat(accounts.selected()).isEqualTo("U1234567");
        assertThat(PortfolioAccount.parseList(Recorded.body("portfolio-accounts/accounts")))
            .extracting(PortfolioAccount::id).containsExactly("U1234567");
    }

    @Test
    void secdefSearchPicksTheUsStockListingOfTheExactSymbol() {
        List<ContractCandidate> candidates = ContractCandidate.parseList(Recorded.body("secdef-search/aapl"));
        assertThat(candidates).hasSize(3);
        assertThat(ContractCandidate.pickUsStock(candidates, "AAPL")).map(ContractCandidate::conid).contains(265598L);
        assertThat(ContractCandidate.pickUsStock(candidates, "MSFT")).isEmpty();
    }

    @Test
    void cancelAcknowledgementsAndRefusalsAreDistinguished() {
        assertThat(CancelReply.parse(Recorded.body("cancel/ack"))).isEqualTo(new CancelReply(true, "123456789", "Request was submitted"));
        CancelReply unknown = CancelReply.parse(Recorded.body("cancel/unknown"));
        assertThat(unknown.acknowledged()).isFalse();
        assertThat(unknown.message()).contains("doesn't exist");
    }

    @Test
    void errorBodiesYieldTheGatewaysTextAndAnErrorObjectWhereAnArrayBelongsIsAnError() {
        assertThat(ErrorBody.message(Recorded.body("errors/no-bridge"))).isEqualTo("Bad Request: no bridge");
        assertThat(ErrorBody.message("")).isEmpty();
        assertThat(ErrorBody.message("<html>\n<body>Access Denied</body></html>")).isEqualTo("<html> <body>Access Denied</body></html>");
        assertThatThrownBy(() -> Trade.parseList("{\"error\":\"no trades for U1234567\"}"))
            .isInstanceOf(GatewayRequestException.class).hasMessageContaining("U1****67");
    }

    @Test
    void orderBodiesCarryEveryFieldAsPlainJson() {
        OrderTicket stopLimit = new OrderTicket("U1234567", 265598, Side.SELL, new BigDecimal("5"),
            io.ibex.framework.domain.OrderType.STOP_LIMIT, new BigDecimal("100.50"), new BigDecimal("1E+2"),
            io.ibex.framework.domain.TimeInForce.GTC, "ibex-1", false);
        assertThat(OrderJson.place(stopLimit)).isEqualTo("{\"orders\":[{\"acctId\":\"U1234567\",\"conid\":265598,"
            + "\"orderType\":\"STOP_LIMIT\",\"side\":\"SELL\",\"quantity\":5,\"price\":100.50,\"auxPrice\":100,"
            + "\"tif\":\"GTC\",\"outsideRTH\":false,\"cOID\":\"ibex-1\"}]}");
        assertThat(OrderJson.modify(stopLimit)).startsWith("{\"acctId\"");
    }
}
