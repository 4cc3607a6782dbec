package io.ibex.gateway.stream;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * One {@code sor} push: a partial live-order row keyed by {@code orderId}. Only what the runner needs; a field the
 * gateway left out is empty, never zero.
 *
 * @param orderRef our cOID, when the row carries it
 */
public record OrderUpdate(String orderId, Optional<String> status, Optional<BigDecimal> filledQuantity,
                          Optional<BigDecimal> avgPrice, Optional<String> orderRef) {
    public boolean filled() { return status.filter("Filled"::equals).isPresent(); }
}
