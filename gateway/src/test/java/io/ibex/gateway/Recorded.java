package io.ibex.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Reads recorded-style gateway bodies from {@code src/test/resources/gateway/<endpoint>/<case>.json}. */
public final class Recorded {
    private Recorded() {}

    public static String body(String endpointAndCase) {
        String path = "/gateway/" + endpointAndCase + ".json";
        try (InputStream in = Recorded.class.getResourceAsStream(path)) {
            if (in == null) throw new IllegalArgumentException("missing test resource " + path);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
