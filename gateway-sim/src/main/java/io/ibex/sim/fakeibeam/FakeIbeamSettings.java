package io.ibex.sim.fakeibeam;

import io.ibex.framework.error.ConfigException;
import java.time.Duration;
import java.util.Map;

/** The IBEAM_* variables the fake honours (gateway-simulator.md §6.2), with IBeam's defaults, plus its test-only inputs. */
public record FakeIbeamSettings(String baseUrl, String account, String password, String twoFaTarget, Duration oauthTimeout,
                                Duration maintenanceInterval, int maxFailedAuth, int healthPort, boolean startActive,
                                Duration requestTimeout, int maxReauthenticateRetries, int maxStatusCheckRetries,
                                String trustStorePem, String bind, String scenario, Duration pollInterval, String simToken) {

    public static FakeIbeamSettings from(Map<String, String> env) {
        return new FakeIbeamSettings(
            env.getOrDefault("IBEAM_GATEWAY_BASE_URL", "https://localhost:5000").replaceAll("/+$", ""),
            env.getOrDefault("IBEAM_ACCOUNT", ""),
            env.getOrDefault("IBEAM_PASSWORD", ""),
            env.getOrDefault("IBEAM_TWO_FA_SELECT_TARGET", "IB Key"),
            seconds(env, "IBEAM_OAUTH_TIMEOUT", 15),
            seconds(env, "IBEAM_MAINTENANCE_INTERVAL", 60),
            integer(env, "IBEAM_MAX_FAILED_AUTH", 5),
            integer(env, "IBEAM_HEALTH_SERVER_PORT", 5001),
            !"false".equalsIgnoreCase(env.getOrDefault("IBEAM_START_ACTIVE", "true")),
            seconds(env, "IBEAM_REQUEST_TIMEOUT", 15),
            integer(env, "IBEAM_MAX_REAUTHENTICATE_RETRIES", 3),
            integer(env, "IBEAM_MAX_STATUS_CHECK_RETRIES", 120),
            env.get("FAKE_IBEAM_TRUSTSTORE"),
            env.getOrDefault("FAKE_IBEAM_BIND", "127.0.0.1"),
            env.get("FAKE_IBEAM_SCENARIO"),
            // IBeam polls once a second; tests may shorten it (not an IBeam variable)
            Duration.ofMillis(integer(env, "FAKE_IBEAM_POLL_MS", 1000)),
            // the simulator's per-start admin token, for its control routes (not an IBeam variable)
            env.get("FAKE_IBEAM_SIM_TOKEN"));
    }

    private static Duration seconds(Map<String, String> env, String key, int dflt) {
        return Duration.ofMillis(Math.round(Double.parseDouble(value(env, key, dflt)) * 1000));
    }

    private static int integer(Map<String, String> env, String key, int dflt) {
        return Integer.parseInt(value(env, key, dflt));
    }

    private static String value(Map<String, String> env, String key, int dflt) {
        String v = env.getOrDefault(key, Integer.toString(dflt)).strip();
        if (!v.matches("\\d+(\\.\\d+)?")) throw new ConfigException(key + "=" + v + ": expected a non-negative number");
        return v;
    }
}
