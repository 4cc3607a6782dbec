package io.ibex.session.alert;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ibex.gateway.Json;
import java.net.URI;
import java.util.Map;

/** {@code --alert-webhook URL}: a JSON POST {@code {"level","event","message","time","account","runner"}}. */
public final class WebhookChannel implements AlertChannel {
    private final URI uri;

    public WebhookChannel(URI uri) { this.uri = uri; }

    @Override public String describe() { return "webhook " + HttpPoster.hostOf(uri); }

    @Override public void send(Alert a) throws DeliveryException {
        HttpPoster.post(uri, describe(), "application/json", body(a), Map.of());
    }

    static String body(Alert a) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("level", a.level().id());
        n.put("event", a.event().id());
        n.put("message", a.message());
        n.put("time", a.time().toString());
        n.put("account", a.account());
        n.put("runner", a.runner());
        if (!a.subject().isEmpty()) n.put("subject", a.subject());
        return n.toString();
    }
}
