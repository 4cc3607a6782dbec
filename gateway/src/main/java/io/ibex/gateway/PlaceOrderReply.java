package io.ibex.gateway;

import java.util.List;

/** The three HTTP-200 answers to an order placement, modification or reply (ibkr-gateway.md §6.1). */
public sealed interface PlaceOrderReply permits PlaceOrderReply.Placed, PlaceOrderReply.NeedsConfirmation, PlaceOrderReply.Rejected {

    /**
     * Accepted: IBKR's order id (always a string here) and its first status; {@code orderIds} holds one id per order of
     * the ticket in submission order (a bracket or OCA group has several; the first is {@code orderId}).
     */
    record Placed(String orderId, String status, List<String> orderIds) implements PlaceOrderReply {
        public Placed {
            orderIds = List.copyOf(orderIds);
            if (orderIds.isEmpty() || !orderIds.get(0).equals(orderId))
                throw new IllegalArgumentException("orderIds must start with the order id " + orderId + ", was " + orderIds);
        }

        public Placed(String orderId, String status) { this(orderId, status, List.of(orderId)); }
    }

    /** A question; answer it at once with {@code POST /iserver/reply/{replyId}}. */
    record NeedsConfirmation(String replyId, List<String> messages, List<String> messageIds) implements PlaceOrderReply {
        public NeedsConfirmation {
            messages = List.copyOf(messages);
            messageIds = List.copyOf(messageIds);
        }
    }

    /** Refused, with the gateway's words (HTTP 200 with an object, or ibex declined a question). */
    record Rejected(String reason) implements PlaceOrderReply {
        /** "Local order ID=... is already registered": proof that an earlier send with this cOID got through. */
        public boolean duplicateClientOrderId() {
            return reason.contains("already registered");
        }
    }
}
