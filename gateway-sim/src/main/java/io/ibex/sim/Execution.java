package io.ibex.sim;

/** One fill of an order (§3.4); {@code orderRef} is the order's cOID or null. */
public record Execution(String executionId, long orderId, String orderRef, String acct, long conid, String side,
                        double qty, double price, double commission, long atMillis) {}
