package io.ibex.live.doctor;

import io.ibex.live.session.GatewayOptions;
import io.ibex.live.session.IbeamOptions;
import java.io.PrintWriter;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ibex doctor}: exit 0 when nothing failed, 1 otherwise. */
@Command(name = "doctor", description = "Check Java, gateway, TLS pin, session, IBeam, Chromium, Xvfb, the credentials file and the clock; print fixes.")
public final class DoctorCommand implements Callable<Integer> {
    @Mixin GatewayOptions gateway;
    @Mixin IbeamOptions ibeam;
    @Spec CommandSpec spec;

    @Override public Integer call() {
        List<Check> checks = new Doctor(new Doctor.Inputs(gateway.gatewayUrl, gateway.gatewayCert, gateway.gatewayDir,
            ibeam.ibeamDir, ibeam.chromeDriver, ibeam.envFile, System.getenv(), InstantSource.system())).run();
        PrintWriter out = spec.commandLine().getOut();
        checks.forEach(c -> out.println(c.render()));
        long failed = checks.stream().filter(c -> c.level() == Check.Level.FAIL).count();
        long warned = checks.stream().filter(c -> c.level() == Check.Level.WARN).count();
        out.println(failed == 0 ? "doctor: all required checks passed" + (warned > 0 ? " (" + warned + " warnings)" : "")
            : "doctor: " + failed + " check(s) failed");
        out.flush();
        return failed == 0 ? 0 : 1;
    }
}
