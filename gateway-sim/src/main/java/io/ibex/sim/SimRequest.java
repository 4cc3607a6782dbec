package io.ibex.sim;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * One HTTP request as read off the socket, headers kept raw so that strict checks (411, User-Agent) can see exactly
 * what the client sent.
 *
 * @param path       the full path without the query string, e.g. {@code /v1/api/tickle}
 * @param query      the raw query string, or "" when there is none
 * @param headers    case-insensitive header map (the last value wins)
 * @param framedBody true when the request carried a Content-Length or chunked Transfer-Encoding
 */
public record SimRequest(String method, String path, String query, Map<String, String> headers, byte[] body,
                         boolean framedBody) {

    static SimRequest of(String method, String target, Map<String, String> rawHeaders, byte[] body, boolean framed) {
        int q = target.indexOf('?');
        String path = q < 0 ? target : target.substring(0, q);
        String query = q < 0 ? "" : target.substring(q + 1);
        Map<String, String> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        h.putAll(rawHeaders);
        return new SimRequest(method.toUpperCase(java.util.Locale.ROOT), path, query, h, body, framed);
    }

    public String header(String name) { return headers.get(name); }

    public String bodyText() { return new String(body, StandardCharsets.UTF_8); }

    /** Decoded query parameters in order of appearance (the last repeat wins). */
    public Map<String, String> params() {
        Map<String, String> m = new LinkedHashMap<>();
        if (query.isEmpty()) return m;
        for (String kv : query.split("&")) {
            if (kv.isEmpty()) continue;
            int e = kv.indexOf('=');
            String k = URLDecoder.decode(e < 0 ? kv : kv.substring(0, e), StandardCharsets.UTF_8);
            String v = e < 0 ? "" : URLDecoder.decode(kv.substring(e + 1), StandardCharsets.UTF_8);
            m.put(k, v);
        }
        return m;
    }

    public String param(String name) { return params().get(name); }
}
