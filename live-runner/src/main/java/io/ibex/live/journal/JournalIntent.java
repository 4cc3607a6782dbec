package io.ibex.live.journal;

import io.ibex.framework.domain.ClientOrderId;
import io.ibex.framework.domain.OrderRequest;
import io.ibex.framework.event.OrderStatus;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One committed intent row.
 *
 * @param seq            journal sequence: the last part of the cOID, gap-free
 * @param brokerOrderId  the gateway's order id once known, else null
 * @param attempts       how many times it went on the wire (a resend keeps the same cOID)
 * @param createdMillis  epoch ms of the commit; a resend is allowed only within 20 h of it (cOID window is 24 h)
 */
public record JournalIntent(long seq, ClientOrderId id, IntentDraft draft, OrderStatus status, String brokerOrderId,
                            int attempts, BigDecimal filledQuantity, long createdMillis) {
    public JournalIntent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(draft, "draft");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(filledQuantity, "filledQuantity");
    }

    public BigDecimal remainingQuantity() { return draft.quantity().subtract(filledQuantity).max(BigDecimal.ZERO); }

    public OrderRequest toRequest() {
        return new OrderRequest(id, draft.instrument(), draft.side(), draft.quantity(), draft.type(), draft.limitPrice(),
            draft.stopPrice(), draft.tif(), draft.parentId(), draft.ocaGroup());
    }
}
