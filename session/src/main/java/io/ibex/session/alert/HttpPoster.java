package io.ibex.session.alert;

import io.ibex.session.alert.AlertChannel.DeliveryException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * The one HTTP POST the alert channels share: short timeouts (an alert never waits long), and an answer classified as
 * delivered, worth another try (timeout, refused, 429, 5xx) or not (other 4xx). Error texts name only {@code where}.
 */
public final class HttpPoster {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final HttpClient CLIENT = HttpClient.newBuilder()
        .connectTimeout(TIMEOUT)
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();

    private HttpPoster() {}

    static void post(URI uri, String where, String contentType, String body, Map<String, String> headers) throws DeliveryException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(TIMEOUT)
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(b::header);
        HttpResponse<Void> response;
        try {
            response = CLIENT.send(b.build(), HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new DeliveryException(where + ": " + e.getClass().getSimpleName(), true);   // the message can hold the URL
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException(where + ": interrupted", false);
        }
        int code = response.statusCode();
        if (code / 100 == 2) return;
        throw new DeliveryException(where + ": HTTP " + code, code == 429 || code >= 500);
    }

    /** {@code host:port} of a URL: what may be printed about an address whose path or query can hold a token. */
    static String hostOf(URI uri) {
        return uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }

    /** An http(s) URL with a host, or a one-line reason naming {@code option}. */
    public static URI checkUrl(String option, String url) {
        URI uri;
        try {
            uri = URI.create(url.trim());
        } catch (IllegalArgumentException e) {
            throw new io.ibex.framework.error.ConfigException(option + ": not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null) {
            throw new io.ibex.framework.error.ConfigException(option + ": needs an http:// or https:// URL with a host");
        }
        return uri;
    }
}
