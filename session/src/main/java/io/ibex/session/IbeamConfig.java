package io.ibex.session;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How to run IBeam as a child process.
 *
 * @param command       argv, never a shell string; default {@code python3 ibeam_starter.py} (there is no {@code python -m ibeam})
 * @param ibeamDir      working directory of the child (the IBeam checkout)
 * @param envFile       private {@code .env} holding IBEAM_ACCOUNT and IBEAM_PASSWORD
 * @param gatewayDir    the unzipped Client Portal gateway (IBEAM_GATEWAY_DIR)
 * @param chromeDriver  IBEAM_CHROME_DRIVER_PATH
 * @param gatewayBaseUrl IBEAM_GATEWAY_BASE_URL, e.g. https://localhost:5000
 * @param oauthTimeout  IBEAM_OAUTH_TIMEOUT: IBeam's 15 s default is too short to find the phone and approve a push
 * @param healthPort    IBEAM_HEALTH_SERVER_PORT; ibex only ever talks to it on 127.0.0.1
 * @param maxFailedAuth IBEAM_MAX_FAILED_AUTH
 * @param xvfb          start {@code Xvfb :99} when there is no display
 */
public record IbeamConfig(List<String> command, Path ibeamDir, Path envFile, Path gatewayDir, Path chromeDriver,
                          String gatewayBaseUrl, Duration oauthTimeout, int healthPort, int maxFailedAuth, boolean xvfb) {
    public IbeamConfig {
        command = List.copyOf(Objects.requireNonNull(command, "command"));
        if (command.isEmpty()) throw new IllegalArgumentException("IBeam command must not be empty");
        Objects.requireNonNull(ibeamDir, "ibeamDir");
        Objects.requireNonNull(envFile, "envFile");
        Objects.requireNonNull(gatewayBaseUrl, "gatewayBaseUrl");
        Objects.requireNonNull(oauthTimeout, "oauthTimeout");
    }

    public static final List<String> DEFAULT_COMMAND = List.of("python3", "ibeam_starter.py");
    public static final Duration DEFAULT_OAUTH_TIMEOUT = Duration.ofSeconds(180);

    /** IBeam's environment (ibkr-gateway.md §10), credentials taken from the already-checked .env values. */
    public java.util.Map<String, String> environment(java.util.Map<String, String> envFileValues) {
        java.util.Map<String, String> env = new java.util.LinkedHashMap<>(envFileValues);
        env.put("IBEAM_GATEWAY_BASE_URL", gatewayBaseUrl);
        env.put("IBEAM_TWO_FA_SELECT_TARGET", envFileValues.getOrDefault("IBEAM_TWO_FA_SELECT_TARGET", "IB Key"));
        env.put("IBEAM_OAUTH_TIMEOUT", Long.toString(oauthTimeout.toSeconds()));
        env.put("IBEAM_HEALTH_SERVER_PORT", Integer.toString(healthPort));
        env.put("IBEAM_MAX_FAILED_AUTH", Integer.toString(maxFailedAuth));
        if (gatewayDir != null) env.put("IBEAM_GATEWAY_DIR", gatewayDir.toString());
        if (chromeDriver != null) env.put("IBEAM_CHROME_DRIVER_PATH", chromeDriver.toString());
        return env;
    }
}
