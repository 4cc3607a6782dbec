package io.ibex.gateway;

import java.math.BigDecimal;

/** What the gateway knows of an order found by its cOID: its id (empty when only executions were found), status, filled size. */
public record OrderLookup(String brokerOrderId, String status, BigDecimal filledQuantity) {}
