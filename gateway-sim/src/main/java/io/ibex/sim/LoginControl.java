package io.ibex.sim;

import java.time.Duration;
import java.util.List;

/** Login policies of the simulated login page (§6.1), for tests and the fake IBeam. */
public final class LoginControl {
    private final GatewaySimulator sim;

    LoginControl(GatewaySimulator sim) { this.sim = sim; }

    public LoginControl requireTwoFa(boolean on) { return with(() -> sim.login.requireTwoFa = on); }

    /** The simulated phone approves after {@code d} of wall time (pacing clock), or SimClock time after {@link #inSimTime()}. */
    public LoginControl approveAfter(Duration d) {
        return with(() -> { sim.login.requireTwoFa = true; sim.login.approveAfter = d; sim.login.neverApprove = false; });
    }

    public LoginControl inSimTime() { return with(() -> sim.login.approveInSimTime = true); }

    public LoginControl neverApprove() { return with(() -> { sim.login.requireTwoFa = true; sim.login.neverApprove = true; }); }

    public LoginControl rejectCredentials() { return with(() -> sim.login.rejectCredentials = true); }

    public LoginControl lockAfterFailures(int n) { return with(() -> sim.login.lockAfterFailures = n); }

    public LoginControl failNext(int n) { return with(() -> sim.login.failNext = n); }

    public LoginControl twoFaMethods(String... methods) { return with(() -> sim.login.twoFaMethods = List.of(methods)); }

    public LoginControl competeOnLogin(boolean on) { return with(() -> sim.login.competeOnLogin = on); }

    /** One of {@code success | twofa_timeout | bad_password | locked | flaky:<n>}. */
    public LoginControl scenario(String scenario) { return with(() -> sim.login.scenario(scenario, null)); }

    /** How many login attempts were made (the account-lockout risk the fake IBeam must respect). */
    public int attempts() {
        synchronized (sim.lock) { return sim.login.logins; }
    }

    private LoginControl with(Runnable r) {
        synchronized (sim.lock) { r.run(); }
        return this;
    }
}
