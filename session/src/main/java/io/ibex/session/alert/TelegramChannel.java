package io.ibex.session.alert;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ibex.gateway.Json;
import java.net.URI;
import java.util.Map;

/**
 * Telegram's bot API: {@code POST {api}/bot{token}/sendMessage} with {@code {"chat_id","text"}}. The bot token is a
 * secret: it never appears in {@link #describe()} or in an error.
 */
public final class TelegramChannel implements AlertChannel {
    public static final String DEFAULT_API = "https://api.telegram.org";

    private final URI api;
    private final String token;
    private final String chatId;

    public TelegramChannel(URI api, String token, String chatId) {
        this.api = api;
        this.token = token;
        this.chatId = chatId;
    }

    @Override public String describe() { return "telegram " + HttpPoster.hostOf(api) + " chat " + chatId; }

    @Override public void send(Alert a) throws DeliveryException {
        URI uri = URI.create(api.toString().replaceAll("/+$", "") + "/bot" + token + "/sendMessage");
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("chat_id", chatId);
        n.put("text", a.title() + "\n" + a.message());
        n.put("disable_web_page_preview", true);
        HttpPoster.post(uri, describe(), "application/json", n.toString(), Map.of());
    }
}
