package io.ibex.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.ibex.framework.domain.Side;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One execution from {@code /iserver/account/trades}; {@code executionId} is unique, {@code orderRef} is our cOID (empty
 * for a bracket child), {@code orderId} IBKR's order id when the row has one, else empty.
 */
public record Trade(String executionId, String symbol, Side side, BigDecimal size, BigDecimal price,
                    BigDecimal commission, String orderRef, long conid, long timeMillis, String account, String orderId) {
    public Trade(String executionId, String symbol, Side side, BigDecimal size, BigDecimal price, BigDecimal commission,
                 String orderRef, long conid, long timeMillis, String account) {
        this(executionId, symbol, side, size, price, commission, orderRef, conid, timeMillis, account, "");
    }

    public static List<Trade> parseList(String body) {
        JsonNode rows = JsonBodies.array("/iserver/account/trades", body, null);
        List<Trade> out = new ArrayList<>();
        for (JsonNode t : rows) {
            String exec = Lenient.text(t.get("execution_id"));
            Optional<Side> side = Lenient.side(t.get("side"));
            Optional<BigDecimal> size = Lenient.decimal(t.get("size"));
            Optional<BigDecimal> price = Lenient.decimal(t.get("price"));
            OptionalLong time = Lenient.epochMillis(t.get("trade_time_r"));
            if (time.isEmpty()) time = Lenient.epochMillis(t.get("trade_time"));
            if (exec.isEmpty() || side.isEmpty() || size.isEmpty() || price.isEmpty() || time.isEmpty()) continue;
            out.add(new Trade(exec, Lenient.text(t.get("symbol")), side.get(), size.get().abs(), price.get(),
                Lenient.decimal(t.get("commission")).orElse(BigDecimal.ZERO).abs(), Lenient.text(t.get("order_ref")),
                Lenient.conid(t.get("conid")).orElse(-1), time.getAsLong(),
                Lenient.text(t.has("account") ? t.get("account") : t.get("accountCode")),
                Lenient.id(t.get("order_id")).orElse("")));
        }
        return out;
    }
}
