package io.ibex.live.runner;

import io.ibex.live.journal.JournalIntent;
import org.assertj.core.api.ObjectAssert;

import static org.assertj.core.api.Assertions.assertThat;

final class JournalAssert {
    private JournalAssert() {}

    static ObjectAssert<JournalIntent> onlyIntent(RouterFixture fx) {
        assertThat(fx.journal.intents()).hasSize(1);
        return assertThat(fx.journal.intents().get(0));
    }
}
