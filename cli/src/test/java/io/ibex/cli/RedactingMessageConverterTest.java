package io.ibex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import io.ibex.session.LogRedaction;
import org.junit.jupiter.api.Test;

class RedactingMessageConverterTest {
    @Test
    void theLogMessageNeverCarriesAPasswordOrAFullAccountId() {
        LogRedaction.register("cli-canary-pw-7", null);
        LoggerContext ctx = new LoggerContext();
        LoggingEvent event = new LoggingEvent("x", ctx.getLogger("t"), Level.WARN, "order for {} with {}", null,
            new Object[] {"DU1234567", "cli-canary-pw-7"});
        RedactingMessageConverter converter = new RedactingMessageConverter();
        assertThat(converter.convert(event)).isEqualTo("order for DU****67 with ****");
    }
}
