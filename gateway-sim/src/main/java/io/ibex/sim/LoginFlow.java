package io.ibex.sim;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The JSON login state machine that stands in for the browser page (§6.1). Policies are set through
 * {@code sim.login()} or {@code POST /__sim/login-policy}. Guarded by the simulator's lock.
 */
final class LoginFlow {
    private final GatewaySimulator sim;
    final Map<String, LoginAttempt> attempts = new HashMap<>();
    boolean requireTwoFa;
    Duration approveAfter = Duration.ZERO;
    boolean approveInSimTime;
    boolean neverApprove;
    boolean rejectCredentials;
    int lockAfterFailures;
    int failNext;
    boolean competeOnLogin;
    boolean locked;
    int failures;
    List<String> twoFaMethods = List.of("IB Key", "Mobile Authenticator App");
    int logins;

    LoginFlow(GatewaySimulator sim) { this.sim = sim; }

    void reset() {
        requireTwoFa = false;
        approveAfter = Duration.ZERO;
        approveInSimTime = false;
        neverApprove = false;
        rejectCredentials = false;
        failNext = 0;
        locked = false;
        failures = 0;
    }

    LoginAttempt start(String username, String password, String method) {
        logins++;
        String id = new UUID(sim.random.nextLong(), sim.random.nextLong()).toString();
        LoginAttempt a = new LoginAttempt(id, sim.pacing.nanos.getAsLong(), sim.nowMillis(), LoginAttempt.State.FAILED, "");
        attempts.put(id, a);
        if (locked) return finish(a, LoginAttempt.State.LOCKED, "Your account is locked. Please contact Client Services.");
        if (failNext > 0) {
            failNext--;
            return finish(a, LoginAttempt.State.FAILED, "Login failed. Please try again.");
        }
        if (rejectCredentials || !sim.options.username.equals(username) || !sim.options.password.equals(password)) {
            failures++;
            if (lockAfterFailures > 0 && failures >= lockAfterFailures) {
                locked = true;
                return finish(a, LoginAttempt.State.LOCKED, "Your account is locked. Please contact Client Services.");
            }
            return finish(a, LoginAttempt.State.FAILED, "Invalid username password combination");
        }
        if (method != null && !method.isBlank() && !twoFaMethods.contains(method))
            return finish(a, LoginAttempt.State.FAILED, "2FA method not available");
        if (!requireTwoFa) return succeed(a);
        a.state = LoginAttempt.State.AWAITING_2FA;
        a.message = "Credentials correct, waiting for two-factor approval (" + (method == null ? "IB Key" : method) + ")";
        return poll(a.id);
    }

    LoginAttempt poll(String id) {
        LoginAttempt a = attempts.get(id);
        if (a == null || a.state != LoginAttempt.State.AWAITING_2FA || neverApprove) return a;
        long elapsedMillis = approveInSimTime ? sim.nowMillis() - a.startedSimMillis
            : (sim.pacing.nanos.getAsLong() - a.startedWallNanos) / 1_000_000;
        return elapsedMillis >= approveAfter.toMillis() ? succeed(a) : a;
    }

    LoginAttempt code(String id, String code) {
        LoginAttempt a = attempts.get(id);
        if (a == null || a.state != LoginAttempt.State.AWAITING_2FA) return a;
        if (code == null || !code.matches("\\d{6}")) return finish(a, LoginAttempt.State.FAILED, "Invalid security code");
        return succeed(a);
    }

    private LoginAttempt succeed(LoginAttempt a) {
        sim.newSsoLogin(competeOnLogin);
        return finish(a, LoginAttempt.State.SUCCEEDED, "Client login succeeds");
    }

    private static LoginAttempt finish(LoginAttempt a, LoginAttempt.State s, String message) {
        a.state = s;
        a.message = message;
        return a;
    }

    /** {@code success | twofa_timeout | bad_password | locked | flaky:<n>}, as FAKE_IBEAM_SCENARIO names them. */
    void scenario(String scenario, Long approveAfterMillis) {
        reset();
        String s = scenario == null ? "success" : scenario.trim();
        if (s.equals("twofa_timeout")) { requireTwoFa = true; neverApprove = true; }
        else if (s.equals("bad_password")) rejectCredentials = true;
        else if (s.equals("locked")) locked = true;
        else if (s.startsWith("flaky:")) {
            try {
                failNext = Integer.parseInt(s.substring(6));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("flaky:<n> needs a number, was '" + s + "'");
            }
        } else if (!s.equals("success"))
            throw new IllegalArgumentException("unknown login scenario '" + s + "' (success|twofa_timeout|bad_password|locked|flaky:<n>)");
        if (approveAfterMillis != null) {
            requireTwoFa = true;
            approveAfter = Duration.ofMillis(approveAfterMillis);
        }
    }
}
