package io.ibex.gateway;

import java.util.List;

/** The three HTTP-200 answers to an order placement, modification or reply (ibkr-gateway.md §6.1). */
public sealed interface PlaceOrderReply permits PlaceOrderReply.Placed, PlaceOrderReply.NeedsConfirmation, PlaceOrderReply.Rejected {

    /** Accepted: IBKR's order id (always a string here) and its first status. */
    record Placed(String orderId, String status) implements PlaceOrderReply {}

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
