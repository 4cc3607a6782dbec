package io.ibex.live.cli;

import io.ibex.framework.error.ConfigException;
import io.ibex.live.gateway.GatewayClock;

/** Starts the in-process gateway simulator for {@code --gateway sim}. */
final class SimulatorLauncher {
    private SimulatorLauncher() {}

    static GatewaySession start(GatewayClock clock) {
        throw new ConfigException("--gateway sim: the gateway simulator is not part of this build yet;"
            + " pass --gateway https://localhost:5000 (or run ibex gateway-sim)");
    }
}
