package io.ibex.gateway;

import java.util.OptionalDouble;

/**
 * One numeric snapshot field. A last price prefixed {@code C} is the prior close and {@code H} means halted:
 * neither is a tradable price, so they are distinct types rather than a flag that can be forgotten.
 */
public sealed interface FieldValue permits FieldValue.Live, FieldValue.PriorClose, FieldValue.Halted {
    /** The number, if there is one. */
    OptionalDouble number();

    /** A current value. */
    record Live(double value) implements FieldValue {
        @Override public OptionalDouble number() { return OptionalDouble.of(value); }
    }

    /** {@code "C168.42"}: the previous close shown in place of a last price. */
    record PriorClose(double value) implements FieldValue {
        @Override public OptionalDouble number() { return OptionalDouble.of(value); }
    }

    /** {@code "H..."}: trading halted; the number after the prefix, if any. */
    record Halted(OptionalDouble number) implements FieldValue {}
}
