package io.ibex.gateway;

import feign.FeignException;
import feign.RetryableException;
import io.ibex.framework.domain.ClientOrderId;

import java.util.function.Supplier;

/** How {@link GatewayClient} makes one Feign call and classifies its failure; orders never retry. */
final class FeignCalls {
    private FeignCalls() {}

    /** An order mutation whose failure leaves the outcome unknown unless the gateway clearly refused it. */
    static PlaceOrderReply orderCall(OrderTicket ticket, String endpoint, Supplier<String> call) {
        ClientOrderId coid = new ClientOrderId(ticket.clientOrderId());
        String body;
        try {
            body = call(endpoint, call);
        } catch (RateLimitedException | GatewayRequestException definitelyNotPlaced) {
            throw definitelyNotPlaced;
        } catch (GatewayException ambiguous) {
            throw new OrderOutcomeUnknownException(coid, ambiguous);
        }
        try {
            return PlaceOrderReplyParser.parse(endpoint, body);
        } catch (GatewayProtocolException unreadable) {
            throw new OrderOutcomeUnknownException(coid, unreadable);
        }
    }

    static void requireCoid(OrderTicket ticket) {
        if (ticket.clientOrderId() == null || ticket.clientOrderId().isBlank())
            throw new IllegalArgumentException("an order ticket needs a cOID so its outcome can always be looked up");
    }

    /** The body of one call; a Feign failure becomes the gateway exception it stands for ({@code endpoint} names it). */
    static String call(String endpoint, Supplier<String> call) {
        try {
            return call.get();
        } catch (RetryableException e) {
            throw GetOnlyRetryer.unwrap(e);
        } catch (FeignException e) {
            throw new GatewayProtocolException(endpoint, Redact.accounts(e.getMessage()));
        }
    }
}
