package io.ibex.live.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ibex.gateway.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Real headless Chromium (Debian's {@code chromium}) driven over the DevTools protocol with the JDK WebSocket client:
 * open a page, evaluate JavaScript in it, wait for a condition, take a screenshot. Hosts other than 127.0.0.1 do not
 * resolve, so a page that reached for a CDN would fail.
 */
final class HeadlessChromium implements AutoCloseable {
    private final Process process;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();

    HeadlessChromium(Path profile, String url) throws Exception {
        process = new ProcessBuilder("chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--hide-scrollbars", "--window-size=1280,1400", "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
            "--remote-debugging-port=0", "--user-data-dir=" + profile, url)
            .redirectErrorStream(true).redirectOutput(profile.resolveSibling("chromium.log").toFile()).start();
        Path portFile = profile.resolve("DevToolsActivePort");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.exists(portFile) || Files.readAllLines(portFile).size() < 2) {
            if (System.nanoTime() > deadline || !process.isAlive()) throw new IllegalStateException("chromium did not start its DevTools port");
            Thread.sleep(50);
        }
        int port = Integer.parseInt(Files.readAllLines(portFile).get(0).trim());
        HttpClient http = HttpClient.newHttpClient();
        String pageWs = null;
        while (pageWs == null) {
            JsonNode targets = Json.MAPPER.readTree(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list"))
                .build(), HttpResponse.BodyHandlers.ofString()).body());
            for (JsonNode t : targets) if ("page".equals(t.path("type").asText())) pageWs = t.path("webSocketDebuggerUrl").asText();
            if (pageWs == null) {
                if (System.nanoTime() > deadline) throw new IllegalStateException("chromium has no page target");
                Thread.sleep(50);
            }
        }
        socket = http.newWebSocketBuilder().buildAsync(URI.create(pageWs), new WebSocket.Listener() {
            private final StringBuilder buf = new StringBuilder();

            @Override public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                buf.append(data);
                if (last) {
                    try {
                        JsonNode msg = Json.MAPPER.readTree(buf.toString());
                        CompletableFuture<JsonNode> f = msg.has("id") ? pending.remove(msg.get("id").asInt()) : null;
                        if (f != null) f.complete(msg);
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                    buf.setLength(0);
                }
                ws.request(1);
                return null;
            }
        }).get(30, TimeUnit.SECONDS);
    }

    JsonNode call(String method, ObjectNode params) throws Exception {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> f = new CompletableFuture<>();
        pending.put(id, f);
        ObjectNode msg = Json.MAPPER.createObjectNode().put("id", id).put("method", method);
        msg.set("params", params);
        socket.sendText(msg.toString(), true).get(30, TimeUnit.SECONDS);
        JsonNode answer = f.get(60, TimeUnit.SECONDS);
        if (answer.has("error")) throw new IllegalStateException(method + ": " + answer.get("error"));
        return answer.get("result");
    }

    /** The value of a JavaScript expression in the page (promises awaited). */
    JsonNode eval(String expression) throws Exception {
        JsonNode r = call("Runtime.evaluate", Json.MAPPER.createObjectNode().put("expression", expression)
            .put("returnByValue", true).put("awaitPromise", true));
        if (r.has("exceptionDetails")) throw new IllegalStateException("page threw: " + r.get("exceptionDetails"));
        return r.path("result").path("value");
    }

    String text(String selector) throws Exception {
        return eval("(document.querySelector(" + Json.MAPPER.writeValueAsString(selector) + ")||{}).textContent||''").asText();
    }

    /** Polls {@code condition} (a JavaScript boolean expression) until it holds. */
    void waitFor(String condition, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!eval("(function(){try{return !!(" + condition + ");}catch(e){return false;}})()").asBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("page never satisfied: " + condition + "; body: "
                + eval("document.body ? document.body.innerText : ''").asText());
            Thread.sleep(100);
        }
    }

    void screenshot(Path png) throws Exception {
        JsonNode r = call("Page.captureScreenshot", Json.MAPPER.createObjectNode().put("format", "png").put("captureBeyondViewport", true));
        Files.write(png, Base64.getDecoder().decode(r.get("data").asText()));
    }

    @Override public void close() {
        try {
            socket.abort();
        } finally {
            // Chromium's helpers (zygote, renderer, crashpad) outlive the browser process for a moment and keep writing the
            // profile: stop them all and wait, or the test's @TempDir cannot be deleted
            java.util.List<ProcessHandle> all = new java.util.ArrayList<>(process.descendants().toList());
            all.add(process.toHandle());
            all.forEach(ProcessHandle::destroyForcibly);
            for (ProcessHandle h : all) {
                try {
                    h.onExit().get(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                    // gone already, or stuck: the temp directory clean-up will say which files remained
                }
            }
        }
    }

}
