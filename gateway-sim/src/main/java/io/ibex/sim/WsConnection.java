package io.ibex.sim;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * One WebSocket on {@code /v1/api/ws}: the connection thread reads frames and hands text to the hub; a virtual writer
 * thread drains the outbox, so the hub never blocks on a slow client while it holds the simulator's lock.
 * Topic state (subscriptions, what was last pushed) is guarded by the simulator's lock.
 */
final class WsConnection {
    private static final byte[] DROP = new byte[0];
    private static final byte[] END = new byte[0];

    /** One {@code smd} subscription: its fields, when it ends and what was last pushed (to push only changes). */
    static final class Smd {
        final Set<String> fields = new LinkedHashSet<>();
        long expiresAtMillis;
        final Map<String, String> lastSent = new HashMap<>();
    }

    final long id;
    private final BlockingQueue<byte[]> outbox = new LinkedBlockingQueue<>();
    volatile boolean open = true;
    final Map<Long, Smd> smd = new LinkedHashMap<>();
    boolean sor;
    final Map<Long, String> sorSeen = new HashMap<>();
    boolean spl;
    String lastSpl;
    long lastHeartbeatMillis;
    boolean authenticated;
    long epoch;

    WsConnection(long id) { this.id = id; }

    void sendText(String json) { if (open) outbox.add(WsFrames.text(json)); }

    void sendRaw(byte[] frame) { if (open) outbox.add(frame); }

    /** Closes the TCP connection without a close frame (the "drop" fault). */
    void drop() { outbox.add(DROP); }

    /** Runs on the connection thread until the socket ends; {@code onText} is called for every text message. */
    void serve(InputStream in, OutputStream out, java.util.function.Consumer<String> onText) throws IOException {
        Thread writer = Thread.ofVirtual().name("gateway-sim-ws-writer-" + id).start(() -> drain(out));
        StringBuilder partial = null;
        try {
            while (open) {
                WsFrames.Frame f = WsFrames.read(in);
                switch (f.opcode()) {
                    case WsFrames.TEXT, WsFrames.CONTINUATION -> {
                        if (partial == null) partial = new StringBuilder();
                        partial.append(f.text());
                        if (f.fin()) {
                            onText.accept(partial.toString());
                            partial = null;
                        }
                    }
                    case WsFrames.PING -> outbox.add(WsFrames.frame(WsFrames.PONG, f.payload()));
                    case WsFrames.CLOSE -> {
                        outbox.add(WsFrames.frame(WsFrames.CLOSE, f.payload().length >= 2
                            ? new byte[] {f.payload()[0], f.payload()[1]} : new byte[0]));
                        return;
                    }
                    default -> { }   // pong, binary: nothing to do
                }
            }
        } finally {
            open = false;
            outbox.add(END);
            try {
                writer.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void drain(OutputStream out) {
        try {
            while (true) {
                byte[] frame = outbox.take();
                if (frame == END) { out.flush(); return; }
                if (frame == DROP) { open = false; out.close(); return; }
                out.write(frame);
                if (outbox.isEmpty()) out.flush();
            }
        } catch (IOException | InterruptedException e) {
            open = false;
            try { out.close(); } catch (IOException ignored) { /* already gone */ }
        }
    }
}
