package io.ibex.spark;

import io.ibex.framework.error.ConfigException;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

/**
 * Checks that a standalone master ({@code spark://host:port[,host:port]}) answers before a Spark context is made:
 * Spark itself retries an unreachable master for about a minute and then fails with a page of log lines and an NPE.
 * Other masters (local, yarn, k8s) are left to Spark.
 */
final class SparkMasterProbe {
    static final Duration TIMEOUT = Duration.ofSeconds(5);

    private SparkMasterProbe() {}

    static void check(String master, Duration timeout) {
        if (!master.startsWith("spark://")) return;
        String why = "";
        for (String hostPort : master.substring("spark://".length()).split(",")) {
            int colon = hostPort.lastIndexOf(':');
            String host = colon < 0 ? hostPort : hostPort.substring(0, colon);
            int port;
            try {
                port = colon < 0 ? 7077 : Integer.parseInt(hostPort.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new ConfigException("--master " + master + ": '" + hostPort + "' is not host:port");
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
                return;
            } catch (IOException | IllegalArgumentException e) {
                why = hostPort + ": " + reason(e);
            }
        }
        throw new ConfigException("--master " + master + ": no Spark master answers (" + why + ") within "
            + timeout.toSeconds() + " s; start it, or run on this machine with --master 'local[*]'");
    }

    private static String reason(Exception e) {
        if (e instanceof java.net.UnknownHostException) return "unknown host";
        if (e instanceof java.net.SocketTimeoutException) return "no answer";
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
