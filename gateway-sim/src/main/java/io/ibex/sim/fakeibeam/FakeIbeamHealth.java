package io.ibex.sim.fakeibeam;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/** IBeam's health contract: GET /livez, /readyz, /activate, /deactivate; text/html; anything else 404. */
final class FakeIbeamHealth implements AutoCloseable {
    private final HttpServer server;

    FakeIbeamHealth(FakeIbeam ibeam, String bind, int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress(bind, port), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                if (!"GET".equals(exchange.getRequestMethod())) {
                    reply(exchange, 404, "Not Found");
                    return;
                }
                switch (exchange.getRequestURI().getPath()) {
                    case "/livez" -> {
                        if (ibeam.critical()) reply(exchange, 500, "Internal Error");
                        else reply(exchange, 200, "OK");
                    }
                    case "/readyz" -> {
                        if (ibeam.tickleAuthenticated()) reply(exchange, 200, "OK");
                        else reply(exchange, 503, "Not Ready");
                    }
                    case "/activate" -> {
                        ibeam.activate();
                        reply(exchange, 200, "OK");
                    }
                    case "/deactivate" -> {
                        ibeam.deactivate();
                        reply(exchange, 200, "OK");
                    }
                    default -> reply(exchange, 404, "Not Found");
                }
            }
        });
        server.start();
    }

    int port() { return server.getAddress().getPort(); }

    private static void reply(HttpExchange exchange, int status, String text) throws IOException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override public void close() { server.stop(0); }
}
