package io.ibex.gateway;

import io.ibex.framework.error.ConfigException;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Checks a gateway URL before anything connects (reliability.md S2). Only loopback is accepted: {@code localhost},
 * a literal {@code 127.x.x.x} or {@code [::1]}. Host names are never resolved here, so {@code 127.0.0.1.nip.io} and
 * friends are refused even though they resolve to loopback; userinfo ({@code https://127.0.0.1@evil}) is refused.
 */
public final class GatewayUrlPolicy {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private GatewayUrlPolicy() {}

    /** Parses and checks {@code url}; returns the root URI ({@code https://host:port}) without a trailing slash. */
    public static URI check(String url, boolean allowRemote) {
        return check(url, allowRemote, true);
    }

    /**
     * The same for commands that have no {@code --allow-remote-gateway} ({@code live}, {@code auth}, {@code doctor}):
     * they talk only to a gateway on this machine, so the refusal suggests a tunnel, not an option they would reject.
     */
    public static URI checkLoopbackOnly(String url) {
        return check(url, false, false);
    }

    private static URI check(String url, boolean allowRemote, boolean remoteOptionOffered) {
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw new ConfigException("gateway URL '" + url + "' is not a URL: " + e.getReason()
                + "; use e.g. https://localhost:5000");
        }
        if (!"https".equalsIgnoreCase(uri.getScheme()))
            throw new ConfigException("gateway URL '" + url + "' must start with https:// (the gateway always uses TLS)");
        if (uri.getRawUserInfo() != null)
            throw new ConfigException("gateway URL '" + url + "' carries user info before '@'; refused (it hides the real"
                + " host). Use https://localhost:5000");
        String host = uri.getHost();
        if (host == null || host.isBlank())
            throw new ConfigException("gateway URL '" + url + "' has no host; use e.g. https://localhost:5000");
        if (!allowRemote && !isLoopback(host))
            throw new ConfigException("gateway URL '" + url + "' is not on this machine (host " + host + "); the gateway"
                + " must be reached over loopback (localhost, 127.0.0.1, [::1]). " + (remoteOptionOffered
                    ? "Pass --allow-remote-gateway only if you really run it elsewhere and pinned its certificate"
                    : "This command talks only to a gateway on this machine: run the gateway here, or tunnel it"
                        + " (ssh -L 5000:localhost:5000 " + host + ") and use https://localhost:5000"));
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        if (!path.isEmpty() && !path.equals("/"))
            throw new ConfigException("gateway URL '" + url + "' must not have a path; give only https://host:port");
        return URI.create(uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getRawAuthority());
    }

    /** True for {@code localhost}, literal 127/8 IPv4 and literal loopback IPv6; never does a DNS lookup. */
    static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.equals("localhost")) return true;
        if (h.startsWith("[") && h.endsWith("]")) return literalIsLoopback(h.substring(1, h.length() - 1));
        if (IPV4.matcher(h).matches()) return literalIsLoopback(h);
        return false;
    }

    private static boolean literalIsLoopback(String literal) {
        if (!literal.matches("[0-9a-f:.]+")) return false; // only literal characters: no lookup can happen
        try {
            return InetAddress.getByName(literal).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
