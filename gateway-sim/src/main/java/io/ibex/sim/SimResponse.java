package io.ibex.sim;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the simulator answers, including transport-level misbehaviour: a wall-clock delay before writing, dropping or
 * resetting the connection, or never answering.
 */
public final class SimResponse {
    /** What happens on the wire. */
    public enum Transport { ANSWER, DROP, RESET, HANG }

    public static final String JSON = "application/json;charset=utf-8";

    final int status;
    final Map<String, String> headers = new LinkedHashMap<>();
    final byte[] body;
    Transport transport = Transport.ANSWER;
    long delayMillis;
    boolean closeAfter;
    String fault;
    Runnable onDone;
    /** Set for a protocol switch (the WebSocket): after the 101 the connection's streams are handed over here. */
    Upgrade upgrade;

    /** Takes over a connection after {@code 101 Switching Protocols}; returns when the connection should close. */
    @FunctionalInterface
    interface Upgrade {
        void run(java.io.InputStream in, java.io.OutputStream out) throws java.io.IOException;
    }

    SimResponse(int status, byte[] body) {
        this.status = status;
        this.body = body;
    }

    static SimResponse json(int status, String json) {
        SimResponse r = new SimResponse(status, json.getBytes(StandardCharsets.UTF_8));
        r.headers.put("Content-Type", JSON);
        return r;
    }

    static SimResponse json(String json) { return json(200, json); }

    static SimResponse empty(int status) { return new SimResponse(status, new byte[0]); }

    static SimResponse text(int status, String contentType, String text) {
        SimResponse r = new SimResponse(status, text.getBytes(StandardCharsets.UTF_8));
        r.headers.put("Content-Type", contentType);
        return r;
    }

    static SimResponse error(int status, String message) {
        return json(status, "{\"error\":" + Json.quote(message) + ",\"statusCode\":" + status + "}");
    }

    /** The {"error":..} object without statusCode, as order rejections send it (usually with HTTP 200). */
    static SimResponse errorObject(int status, String message) {
        return json(status, "{\"error\":" + Json.quote(message) + "}");
    }

    static SimResponse transport(Transport t) {
        SimResponse r = empty(0);
        r.transport = t;
        return r;
    }

    SimResponse header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public int status() { return status; }

    public String bodyText() { return new String(body, StandardCharsets.UTF_8); }

    public Transport transportAction() { return transport; }
}
