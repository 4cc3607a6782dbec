package io.ibex.session.alert;

import java.net.URI;
import java.util.Map;

/**
 * {@code --alert-ntfy URL}: the topic URL of an ntfy server ({@code https://ntfy.sh/my-topic}, or your own). The message
 * is the body; title, priority (urgent for critical, default for resolved) and tags travel as ntfy's headers. The topic
 * name is the secret of a public ntfy server, so only the host is ever printed.
 */
public final class NtfyChannel implements AlertChannel {
    private final URI topic;

    public NtfyChannel(URI topic) { this.topic = topic; }

    @Override public String describe() { return "ntfy " + HttpPoster.hostOf(topic); }

    @Override public void send(Alert a) throws DeliveryException {
        HttpPoster.post(topic, describe(), "text/plain; charset=utf-8", a.message(), Map.of(
            "Title", a.title(),
            "Priority", switch (a.level()) {
                case CRITICAL -> "urgent";
                case WARNING -> "high";
                case RESOLVED -> "default";
            },
            "Tags", a.level() == Alert.Level.RESOLVED ? "white_check_mark" : "warning"));
    }
}
