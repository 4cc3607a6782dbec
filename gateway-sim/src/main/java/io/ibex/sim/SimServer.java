package io.ibex.sim;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A small HTTP/1.1 keep-alive server, one virtual thread per connection, written over plain sockets (TLS layered on
 * top) so that it can drop, reset (SO_LINGER 0 on the TCP socket) or never answer, and stop listening altogether.
 */
final class SimServer {
    private static final int MAX_HEADER_BYTES = 64 * 1024;

    private final InetAddress bindAddress;
    private final SSLContext ssl;
    private final Function<SimRequest, SimResponse> handler;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile ServerSocket listener;
    private Thread acceptThread;
    private volatile int port;

    SimServer(InetAddress bindAddress, int port, SSLContext sslOrNull, Function<SimRequest, SimResponse> handler) {
        this.bindAddress = bindAddress;
        this.port = port;
        this.ssl = sslOrNull;
        this.handler = handler;
    }

    int port() { return port; }

    boolean listening() { return listener != null; }

    synchronized void startListening() {
        if (listener != null || closed.getCount() == 0) return;
        try {
            ServerSocket ss = new ServerSocket();
            ss.setReuseAddress(true);
            ss.bind(new InetSocketAddress(bindAddress, port), 100);
            port = ss.getLocalPort();
            listener = ss;
            acceptThread = Thread.ofPlatform().daemon().name("gateway-sim-accept-" + port).start(() -> acceptLoop(ss));
        } catch (IOException e) {
            throw new IllegalStateException("the gateway simulator cannot listen on " + bindAddress.getHostAddress() + ":"
                + port + " (" + e.getMessage() + "); pick another port or stop whatever holds it", e);
        }
    }

    /** Closes the listener and every open connection: clients now see "connection refused". */
    synchronized void stopListening() {
        ServerSocket ss = listener;
        listener = null;
        if (ss != null) closeQuietly(ss);
        // The kernel keeps the listening socket alive while accept() is blocked in it; wait for the accept thread to
        // leave so that the next connect is really refused, not accepted in that window.
        if (acceptThread != null && acceptThread != Thread.currentThread()) {
            try {
                acceptThread.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (Socket s : open) closeQuietly(s);
        open.clear();
    }

    void close() {
        closed.countDown();
        stopListening();
    }

    private void acceptLoop(ServerSocket ss) {
        while (!ss.isClosed()) {
            try {
                Socket tcp = ss.accept();
                if (listener != ss) {
                    closeQuietly(tcp);
                    return;
                }
                tcp.setTcpNoDelay(true);
                open.add(tcp);
                Thread.ofVirtual().name("gateway-sim-conn").start(() -> serve(tcp));
            } catch (IOException e) {
                return; // listener closed
            }
        }
    }

    private void serve(Socket tcp) {
        try {
            Socket s = tcp;
            if (ssl != null) {
                SSLSocket tls = (SSLSocket) ssl.getSocketFactory().createSocket(tcp, "127.0.0.1", tcp.getPort(), true);
                tls.setUseClientMode(false);
                s = tls;
            }
            InputStream in = new BufferedInputStream(s.getInputStream());
            OutputStream out = s.getOutputStream();
            while (true) {
                SimRequest req = read(in);
                if (req == null) break;
                SimResponse resp;
                try {
                    resp = handler.apply(req);
                } catch (RuntimeException e) {
                    // a simulator bug must show up in the test that hit it, not as a silent connection close
                    System.err.println("gateway simulator failed on " + req.method() + " " + req.path() + ": " + e);
                    e.printStackTrace();
                    resp = SimResponse.errorObject(500, "simulator error: " + e);
                }
                try {
                    if (resp.upgrade != null) {
                        upgrade(out, resp);
                        resp.upgrade.run(in, out);
                        break;
                    }
                    if (!deliver(tcp, out, req, resp)) break;
                } finally {
                    if (resp.onDone != null) resp.onDone.run();
                }
            }
        } catch (IOException | RuntimeException e) {
            // the client went away, or the connection was closed by stop/close: nothing to answer
        } finally {
            open.remove(tcp);
            closeQuietly(tcp);
        }
    }

    /** @return whether the connection stays open for the next request */
    private boolean deliver(Socket tcp, OutputStream out, SimRequest req, SimResponse resp) throws IOException {
        if (resp.delayMillis > 0 && awaitClose(resp.delayMillis)) return false;
        switch (resp.transport) {
            case DROP -> { closeQuietly(tcp); return false; }
            case RESET -> { tcp.setSoLinger(true, 0); closeQuietly(tcp); return false; }
            case HANG -> { awaitClose(Long.MAX_VALUE); return false; }
            case ANSWER -> { }
        }
        boolean keepAlive = !resp.closeAfter && !"close".equalsIgnoreCase(req.header("Connection"));
        StringBuilder head = new StringBuilder(256);
        head.append("HTTP/1.1 ").append(resp.status).append(' ').append(reason(resp.status)).append("\r\n");
        for (Map.Entry<String, String> h : resp.headers.entrySet())
            head.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n");
        head.append("Content-Length: ").append(resp.body.length).append("\r\n");
        head.append("Connection: ").append(keepAlive ? "keep-alive" : "close").append("\r\n\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (!"HEAD".equals(req.method())) out.write(resp.body);
        out.flush();
        return keepAlive;
    }

    /** Answers 101 Switching Protocols; the connection then belongs to {@link SimResponse#upgrade}. */
    private static void upgrade(OutputStream out, SimResponse resp) throws IOException {
        StringBuilder head = new StringBuilder("HTTP/1.1 101 Switching Protocols\r\n");
        for (Map.Entry<String, String> h : resp.headers.entrySet())
            head.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n");
        out.write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    boolean pause(long millis) { return awaitClose(millis); }

    /** Waits up to {@code millis} of wall time; true when the simulator closed meanwhile. */
    private boolean awaitClose(long millis) {
        try {
            return closed.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    private static SimRequest read(InputStream in) throws IOException {
        String requestLine = line(in);
        while (requestLine != null && requestLine.isEmpty()) requestLine = line(in);
        if (requestLine == null) return null;
        String[] parts = requestLine.split(" ");
        if (parts.length < 2) throw new IOException("bad request line");
        Map<String, String> headers = new LinkedHashMap<>();
        int total = 0;
        for (String l = line(in); l != null && !l.isEmpty(); l = line(in)) {
            total += l.length();
            if (total > MAX_HEADER_BYTES) throw new IOException("headers too large");
            int c = l.indexOf(':');
            if (c > 0) headers.put(l.substring(0, c).trim(), l.substring(c + 1).trim());
        }
        String cl = null, te = null;
        for (Map.Entry<String, String> h : headers.entrySet()) {
            if (h.getKey().equalsIgnoreCase("Content-Length")) cl = h.getValue();
            if (h.getKey().equalsIgnoreCase("Transfer-Encoding")) te = h.getValue();
        }
        byte[] body;
        boolean framed = cl != null || (te != null && te.toLowerCase().contains("chunked"));
        if (te != null && te.toLowerCase().contains("chunked")) body = chunked(in);
        else if (cl != null) body = in.readNBytes(Integer.parseInt(cl.trim()));
        else body = new byte[0];
        return SimRequest.of(parts[0], parts[1], headers, body, framed);
    }

    private static byte[] chunked(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = line(in);
            if (sizeLine == null) throw new IOException("truncated chunked body");
            int semi = sizeLine.indexOf(';');
            int size = Integer.parseInt((semi < 0 ? sizeLine : sizeLine.substring(0, semi)).trim(), 16);
            if (size == 0) {
                for (String l = line(in); l != null && !l.isEmpty(); l = line(in)) { /* trailers */ }
                return out.toByteArray();
            }
            out.write(in.readNBytes(size));
            line(in);
        }
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                int n = sb.length();
                if (n > 0 && sb.charAt(n - 1) == '\r') sb.setLength(n - 1);
                return sb.toString();
            }
            sb.append((char) b);
            if (sb.length() > MAX_HEADER_BYTES) throw new IOException("line too long");
        }
        return sb.isEmpty() ? null : sb.toString();
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK"; case 400 -> "Bad Request"; case 401 -> "Unauthorized"; case 403 -> "Forbidden";
            case 404 -> "Not Found"; case 405 -> "Method Not Allowed"; case 411 -> "Length Required";
            case 429 -> "Too Many Requests"; case 500 -> "Internal Server Error"; case 503 -> "Service Unavailable";
            default -> "Status";
        };
    }

    private static void closeQuietly(AutoCloseable c) {
        try { c.close(); } catch (Exception e) { /* already closed */ }
    }
}
