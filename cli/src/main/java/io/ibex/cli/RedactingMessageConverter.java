package io.ibex.cli;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.ibex.session.LogRedaction;

/** logback's {@code %msg}, passed through {@link LogRedaction}: no password or full account id reaches the log. */
public final class RedactingMessageConverter extends MessageConverter {
    @Override public String convert(ILoggingEvent event) { return LogRedaction.redact(super.convert(event)); }
}
