package io.ibex.session;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Stands in for the gateway JVM behind a fake bin/run.sh: writes its argv and working directory to argv.txt, then
 * listens on 127.0.0.1 (plain TCP, so a TLS handshake fails) until killed.
 * Args: port, then anything (the run.sh passes its own argv and a match string for {@link GatewayProcess#find()}).
 */
public final class FakeGatewayStart {
    public static void main(String[] args) throws IOException {
        Path cwd = Path.of("").toAbsolutePath();
        Files.writeString(cwd.resolve("argv.txt"), cwd + "\n" + String.join("\n", Arrays.asList(args)) + "\n");
        try (ServerSocket server = new ServerSocket(Integer.parseInt(args[0]), 50, InetAddress.getLoopbackAddress())) {
            while (true) {
                try (Socket s = server.accept()) {
                    s.getOutputStream().write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n".getBytes());
                }
            }
        }
    }
}
