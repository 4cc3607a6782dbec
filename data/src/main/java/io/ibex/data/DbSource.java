package io.ibex.data;

import io.ibex.framework.domain.Bars;
import io.ibex.framework.error.DataException;

import java.time.Duration;

/** {@code db:SYMBOL[@BAR]}: bars from the H2 bar store. */
final class DbSource {
    private DbSource() {}

    static Bars load(String spec, Duration barOrNull) {
        throw new DataException("the bar store (" + spec + ") is not available yet");
    }
}
