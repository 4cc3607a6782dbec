package io.ibex.live.runner;

import java.util.Objects;

/** What one order POST (with its reply chain) told us. Only {@link Ambiguous} leaves the order's existence open. */
public sealed interface SubmitOutcome
        permits SubmitOutcome.Placed, SubmitOutcome.Rejected, SubmitOutcome.AlreadyRegistered, SubmitOutcome.Ambiguous {

    /** The gateway acknowledged the order and gave its id. */
    record Placed(String brokerOrderId) implements SubmitOutcome {
        public Placed { Objects.requireNonNull(brokerOrderId, "brokerOrderId"); }
    }

    /** A definite refusal (error body, unknown confirmation question answered false): nothing exists at the broker. */
    record Rejected(String reason) implements SubmitOutcome {
        public Rejected { Objects.requireNonNull(reason, "reason"); }
    }

    /** "Local order ID=... is already registered": proof that an earlier attempt with this cOID was placed (P1). */
    record AlreadyRegistered(String message) implements SubmitOutcome {}

    /** Timeout, reset, 5xx, 401 or an unparsable body after the POST: the order may or may not exist. */
    record Ambiguous(String reason) implements SubmitOutcome {
        public Ambiguous { Objects.requireNonNull(reason, "reason"); }
    }
}
