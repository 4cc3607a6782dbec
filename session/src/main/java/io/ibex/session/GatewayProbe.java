package io.ibex.session;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;

/** Low-level checks of the gateway's port: does something listen, does it speak TLS, do we trust its certificate. */
public final class GatewayProbe {
    /** What a TLS handshake against the port showed. */
    public enum Tls { TRUSTED, UNTRUSTED_CERTIFICATE, HANDSHAKE_FAILED, NOT_LISTENING }

    private GatewayProbe() {}

    public static boolean listening(String host, int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Handshakes with {@code trust} (the pinned certificate, or the JDK default when none is pinned). A certificate-path
     * failure means the port speaks TLS with a certificate we don't trust; any other SSL failure means it is not TLS.
     */
    public static Tls tls(String host, int port, SSLContext trust) {
        try (Socket raw = new Socket()) {
            raw.connect(new InetSocketAddress(host, port), 1000);
            raw.setSoTimeout(3000);
            try (SSLSocket ssl = (SSLSocket) trust.getSocketFactory().createSocket(raw, host, port, false)) {
                ssl.startHandshake();
                return Tls.TRUSTED;
            }
        } catch (SSLException e) {
            return certificateProblem(e) ? Tls.UNTRUSTED_CERTIFICATE : Tls.HANDSHAKE_FAILED;
        } catch (IOException e) {
            return e instanceof java.net.ConnectException ? Tls.NOT_LISTENING : Tls.HANDSHAKE_FAILED;
        }
    }

    private static boolean certificateProblem(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause())
            if (t instanceof CertificateException || t instanceof CertPathValidatorException
                || t instanceof java.security.cert.CertPathBuilderException) return true;
        return false;
    }
}
