package io.ibex.sim;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A method plus a glob over the path relative to {@code /v1/api} ({@code *} = one segment, {@code **} = anything),
 * used by faults and journal queries: {@code Route.post("/iserver/account/*&#47;orders")}.
 */
public final class Route {
    private final String method;   // null = any
    private final String glob;
    private final Pattern pattern;

    private Route(String method, String glob) {
        this.method = method;
        this.glob = Objects.requireNonNull(glob, "glob");
        if (!glob.startsWith("/")) throw new IllegalArgumentException("route glob must start with '/': " + glob);
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') { re.append(".*"); i++; }
            else if (c == '*') re.append("[^/]*");
            else re.append(Pattern.quote(String.valueOf(c)));
        }
        this.pattern = Pattern.compile(re.toString());
    }

    public static Route get(String glob) { return new Route("GET", glob); }
    public static Route post(String glob) { return new Route("POST", glob); }
    public static Route delete(String glob) { return new Route("DELETE", glob); }
    public static Route any(String glob) { return new Route(null, glob); }

    public static Route of(String method, String glob) {
        return method == null || method.isBlank() || method.equals("*") ? any(glob)
            : new Route(method.toUpperCase(Locale.ROOT), glob);
    }

    public boolean matches(String requestMethod, String relativePath) {
        return (method == null || method.equalsIgnoreCase(requestMethod)) && pattern.matcher(relativePath).matches();
    }

    public String glob() { return glob; }

    @Override public String toString() { return (method == null ? "ANY" : method) + " " + glob; }
}
