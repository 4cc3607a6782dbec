package io.ibex.cli.session;

import io.ibex.session.doctor.Check;
import io.ibex.session.doctor.Doctor;

import io.ibex.framework.error.ConfigException;
import io.ibex.cli.session.GatewayOptions;
import io.ibex.cli.session.IbeamOptions;
import java.io.PrintWriter;
import java.net.URI;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ibex doctor}: exit 0 when nothing failed, {@link #CHECKS_FAILED} otherwise; 2 for a --gateway that is no URL. */
@Command(name = "doctor", description = "Check Java, gateway, TLS pin, session, IBeam, Chromium, Xvfb, the credentials file and the clock; print fixes.")
public final class DoctorCommand implements Callable<Integer> {
    @Mixin GatewayOptions gateway;
    @Mixin IbeamOptions ibeam;
    @Spec CommandSpec spec;

    /** The exit code when a check failed (1 is kept for unexpected errors). */
    public static final int CHECKS_FAILED = 6;

    @Override public Integer call() {
        checkUrl(gateway.gatewayUrl);
        List<Check> checks = new Doctor(new Doctor.Inputs(gateway.gatewayUrl, gateway.gatewayCert, gateway.gatewayDir,
            ibeam.ibeamDir, ibeam.chromeDriver, ibeam.envFile, System.getenv(), InstantSource.system())).run();
        PrintWriter out = spec.commandLine().getOut();
        checks.forEach(c -> out.println(c.render()));
        long failed = checks.stream().filter(c -> c.level() == Check.Level.FAIL).count();
        long warned = checks.stream().filter(c -> c.level() == Check.Level.WARN).count();
        out.println(failed == 0 ? "doctor: all required checks passed" + (warned > 0 ? " (" + warned + " warnings)" : "")
            : "doctor: " + failed + " check(s) failed");
        out.flush();
        return failed == 0 ? 0 : CHECKS_FAILED;
    }

    private static void checkUrl(String url) {
        if ("sim".equalsIgnoreCase(url.trim()))
            throw new ConfigException("--gateway sim: doctor checks a real gateway and this machine; to check the simulator,"
                + " start ibex gateway-sim and run ibex doctor --gateway https://127.0.0.1:5000 --gateway-cert PEM");
        URI uri;
        try {
            uri = URI.create(url.trim());
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        if (uri == null || uri.getHost() == null)
            throw new ConfigException("--gateway '" + url + "' is not a gateway URL like https://localhost:5000");
    }
}
