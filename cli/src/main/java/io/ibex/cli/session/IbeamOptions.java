package io.ibex.cli.session;

import io.ibex.session.IbeamConfig;

import io.ibex.framework.env.IbexHome;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** How to run IBeam; every value ends up in an argv element or an environment variable, never in a shell string. */
public final class IbeamOptions {
    @Option(names = "--ibeam-dir", description = "IBeam checkout, the child's working directory (default: ${DEFAULT-VALUE}).")
    public Path ibeamDir = GatewayOptions.envOr("IBEX_IBEAM_DIR", IbexHome.userHome().resolve("ibeam"));

    @Option(names = "--ibeam-command", description = "One argv element per use (default: python3 ibeam_starter.py).")
    public List<String> command = new ArrayList<>();

    @Option(names = "--env-file", description = "Private (0600) file with IBEAM_ACCOUNT and IBEAM_PASSWORD (default: ${DEFAULT-VALUE}).")
    public Path envFile = GatewayOptions.envOr("IBEX_ENV_FILE", IbexHome.dir().resolve("ibeam.env"));

    @Option(names = "--chrome-driver", description = "IBEAM_CHROME_DRIVER_PATH (default: ${DEFAULT-VALUE}).",
        defaultValue = "/usr/bin/chromedriver")
    public Path chromeDriver;

    @Option(names = "--oauth-timeout", description = "Seconds IBeam waits for the phone approval (default: ${DEFAULT-VALUE}).",
        defaultValue = "180")
    public int oauthTimeoutSeconds;

    @Option(names = "--health-port", description = "IBeam health server port, used on 127.0.0.1 (default: ${DEFAULT-VALUE}).",
        defaultValue = "5001")
    public int healthPort;

    @Option(names = "--max-failed-auth", description = "IBEAM_MAX_FAILED_AUTH (default: ${DEFAULT-VALUE}).", defaultValue = "5")
    public int maxFailedAuth;

    @Option(names = "--xvfb", description = "Start Xvfb :99 for IBeam's browser when there is no DISPLAY.")
    public boolean xvfb;

    public IbeamConfig config(GatewayOptions gateway) {
        return new IbeamConfig(command.isEmpty() ? IbeamConfig.DEFAULT_COMMAND : command, ibeamDir, envFile,
            gateway.gatewayDir, chromeDriver, gateway.gatewayUrl, Duration.ofSeconds(oauthTimeoutSeconds), healthPort,
            maxFailedAuth, xvfb);
    }
}
