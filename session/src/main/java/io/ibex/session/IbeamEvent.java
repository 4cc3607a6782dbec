package io.ibex.session;

/** What one IBeam log line means to the supervisor (ibkr-gateway.md §10, "Log lines worth alerting on"). */
public enum IbeamEvent {
    TWO_FA_PROMPT, TWO_FA_TIMEOUT, LOGIN_SUCCEEDED, LOGIN_FAILED, PAGE_ERROR, MAX_FAILED_AUTH, CRITICAL,
    GATEWAY_UNREACHABLE, AUTHENTICATED, NOT_AUTHENTICATED, HEALTH_SERVER_STARTED, OTHER;

    public static IbeamEvent classify(String line) {
        if (line.contains("Maximum number of failed authentication attempts")) return MAX_FAILED_AUTH;
        if (line.contains("Error displayed by the login webpage")) return PAGE_ERROR;
        if (line.contains("Timeout reached when waiting for authentication")) return TWO_FA_TIMEOUT;
        if (line.contains("requires notification two-factor") || line.contains("requires two-factor")
            || line.contains("Required to select a 2FA method") || line.contains("selected successfully")) return TWO_FA_PROMPT;
        if (line.contains("Logging in succeeded") || line.contains("Client login succeeds")) return LOGIN_SUCCEEDED;
        if (line.contains("Logging in failed")) return LOGIN_FAILED;
        if (line.contains("Shutting IBeam down due to critical error")) return CRITICAL;
        if (line.contains("Cannot communicate with the Gateway")) return GATEWAY_UNREACHABLE;
        if (line.contains("Gateway running and authenticated") || line.contains("Gateway authenticated.")) return AUTHENTICATED;
        if (line.contains("Gateway not authenticated.")) return NOT_AUTHENTICATED;
        if (line.contains("Health server started at port=")) return HEALTH_SERVER_STARTED;
        return OTHER;
    }

    /** N from "Health server started at port=N", or {@code fallback}. */
    public static int port(String line, int fallback) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("port=(\\d+)").matcher(line);
        return m.find() ? Integer.parseInt(m.group(1)) : fallback;
    }

    /** The text after "Error displayed by the login webpage: ". */
    public static String pageError(String line) {
        int i = line.indexOf("login webpage:");
        return i < 0 ? line : line.substring(i + "login webpage:".length()).strip();
    }
}
