package io.ibex.sim;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;

/** Serves one in-memory private key and its self-signed certificate to the TLS server side. */
final class FixedKeyManager extends X509ExtendedKeyManager {
    private static final String ALIAS = "ibex-gateway-sim";
    private final PrivateKey key;
    private final X509Certificate cert;

    FixedKeyManager(PrivateKey key, X509Certificate cert) {
        this.key = key;
        this.cert = cert;
    }

    /** Only for the key's own type (EC P-256): JSSE also asks for RSA and other types. */
    private String aliasFor(String keyType) { return key.getAlgorithm().equalsIgnoreCase(keyType) ? ALIAS : null; }

    @Override public String[] getServerAliases(String keyType, Principal[] issuers) {
        return aliasFor(keyType) == null ? new String[0] : new String[] {ALIAS};
    }
    @Override public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) { return aliasFor(keyType); }
    @Override public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) { return aliasFor(keyType); }
    @Override public X509Certificate[] getCertificateChain(String alias) { return new X509Certificate[] {cert}; }
    @Override public PrivateKey getPrivateKey(String alias) { return key; }
    @Override public String[] getClientAliases(String keyType, Principal[] issuers) { return new String[0]; }
    @Override public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) { return null; }
}
