package io.ibex.live.risk;

import java.util.Objects;

/** The gate's answer: approved, or denied with a reason code and one line a user can act on. */
public sealed interface RiskDecision permits RiskDecision.Approved, RiskDecision.Denied {
    Approved APPROVED = new Approved();

    record Approved() implements RiskDecision {}

    record Denied(DenyReason reason, String message) implements RiskDecision {
        public Denied {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(message, "message");
        }

        @Override public String toString() { return reason + ": " + message; }
    }
}
