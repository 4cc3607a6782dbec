package io.ibex.cli.live;

import io.ibex.framework.env.IbexHome;
import io.ibex.session.AlertSink;
import io.ibex.session.Authenticator;
import io.ibex.session.IbeamConfig;
import io.ibex.session.IbeamSupervisor;
import io.ibex.session.LoginBudget;
import io.ibex.session.LoginResult;

import java.net.URI;
import java.nio.file.Path;
import java.time.InstantSource;

/**
 * The keeper's last rung in {@code ibex live}: an IBeam login when {@code --ibeam-dir} or {@code --env-file} is given,
 * else a login that always fails with the fix, so the keeper stops at {@code ssodh/init} and alerts the operator.
 */
final class LiveAuthenticator implements Authenticator, AutoCloseable {
    static final String NOT_CONFIGURED = "the gateway needs a new browser login and ibex live has no IBeam to run: log in"
        + " with 'ibex auth login' (approve the IB Key push), or restart ibex live with --ibeam-dir DIR --env-file FILE";

    private final IbeamSupervisor supervisor;

    private LiveAuthenticator(IbeamSupervisor supervisor) { this.supervisor = supervisor; }

    static LiveAuthenticator of(LiveCommand c, URI gatewayRoot, AlertSink alerts) {
        if (c.ibeamDir == null && c.envFile == null) return new LiveAuthenticator(null);
        Path dir = c.ibeamDir != null ? c.ibeamDir : IbexHome.userHome().resolve("ibeam");
        Path env = c.envFile != null ? c.envFile : IbexHome.dir().resolve("ibeam.env");
        IbeamConfig config = new IbeamConfig(c.ibeamCommand.isEmpty() ? IbeamConfig.DEFAULT_COMMAND : c.ibeamCommand, dir, env,
            null, Path.of("/usr/bin/chromedriver"), gatewayRoot.toString(), IbeamConfig.DEFAULT_OAUTH_TIMEOUT, 5001, 5, false);
        return new LiveAuthenticator(new IbeamSupervisor(config, System.getenv(), LoginBudget.ofIbexHome(InstantSource.system()),
            alerts));
    }

    @Override public LoginResult login() {
        return supervisor == null ? new LoginResult.Failed(NOT_CONFIGURED) : supervisor.login();
    }

    @Override public void close() {
        if (supervisor != null) supervisor.close();
    }
}
