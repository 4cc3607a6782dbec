package io.ibex.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.ibex.framework.domain.Side;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One row of {@code /iserver/account/orders}. {@code orderRef} carries our cOID. Prices are absent (null) when
 * the gateway sent none.
 */
public record LiveOrder(String orderId, String account, long conid, String ticker, Optional<Side> side,
                        BigDecimal totalSize, BigDecimal filledQuantity, BigDecimal remainingQuantity,
                        String orderType, BigDecimal price, BigDecimal auxPrice, BigDecimal avgPrice,
                        String status, String orderRef, String timeInForce, OptionalLong lastExecutionMillis) {

    static final String ENDPOINT = "/iserver/account/orders";

    /** True while the order can still fill (not Filled, Cancelled or Inactive). */
    public boolean isWorking() {
        return switch (status) {
            case "Filled", "Cancelled", "Inactive" -> false;
            default -> true;
        };
    }

    public static List<LiveOrder> parseList(String body) {
        JsonNode orders = JsonBodies.array(ENDPOINT, body, "orders");
        List<LiveOrder> out = new ArrayList<>();
        for (JsonNode o : orders) {
            Optional<String> id = Lenient.id(o.get("orderId"));
            if (id.isEmpty()) continue;
            BigDecimal total = Lenient.decimal(o.get("totalSize")).orElse(null);
            BigDecimal filled = Lenient.decimal(o.get("filledQuantity")).orElse(BigDecimal.ZERO);
            BigDecimal remaining = Lenient.decimal(o.get("remainingQuantity")).orElse(null);
            OptionalLong lastExec = Lenient.epochMillis(o.get("lastExecutionTime_r"));
            if (lastExec.isEmpty()) lastExec = Lenient.epochMillis(o.get("lastExecutionTime"));
            out.add(new LiveOrder(id.get(), Lenient.text(o.has("acct") ? o.get("acct") : o.get("account")),
                Lenient.conid(o.get("conid")).orElse(-1), Lenient.text(o.has("ticker") ? o.get("ticker") : o.get("description1")),
                Lenient.side(o.get("side")), total, filled, remaining,
                Lenient.text(o.has("origOrderType") ? o.get("origOrderType") : o.get("orderType")),
                Lenient.decimal(o.get("price")).orElse(null), Lenient.decimal(o.get("auxPrice")).orElse(null),
                Lenient.decimal(o.get("avgPrice")).orElse(null), Lenient.text(o.get("status")),
                Lenient.text(o.get("order_ref")), Lenient.text(o.get("timeInForce")), lastExec));
        }
        return out;
    }
}
