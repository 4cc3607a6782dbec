package io.ibex.live.session;

import io.ibex.framework.error.IbexException;
import io.ibex.live.alert.AlertOptions;
import io.ibex.live.alert.Alerter;
import io.ibex.live.alert.SessionDownWatch;
import java.time.Duration;
import java.time.InstantSource;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ibex auth status|login|logout|keepalive}: the gateway session, logged in through IBeam. */
@Command(name = "auth", description = "Gateway session: status, IBeam login (IB Key push), logout, keepalive loop.")
public final class AuthCommand implements Callable<Integer> {
    @Parameters(index = "0", description = "status | login | logout | keepalive")
    String action;

    @Mixin GatewayOptions gateway;
    @Mixin IbeamOptions ibeam;
    @Mixin AlertOptions alertOptions;

    @Option(names = "--tickle-seconds", description = "keepalive tickle period (default: ${DEFAULT-VALUE})", defaultValue = "60")
    int tickleSeconds;

    @Option(names = "--reset-window", description = "nightly reset window, no alarms or logins inside (default: ${DEFAULT-VALUE})",
        defaultValue = "23:45-01:15")
    String resetWindow;

    @Option(names = "--reset-zone", description = "time zone of --reset-window (default: ${DEFAULT-VALUE})",
        defaultValue = "America/New_York")
    java.time.ZoneId resetZone;

    @Override public Integer call() {
        try {
            return switch (action) {
                case "status" -> status();
                case "login" -> login();
                case "logout" -> logout();
                case "keepalive" -> keepalive();
                default -> {
                    System.err.println("unknown action '" + action + "': use status, login, logout or keepalive");
                    yield 2;
                }
            };
        } catch (IbexException e) {
            System.err.println(e.getMessage());
            return 2;
        }
    }

    private int status() {
        TickleStatus t = new ClientSessionEndpoints(gateway.client()).tickle();
        System.out.println("session: " + describe(t));
        return t instanceof TickleStatus.Healthy ? 0 : 1;
    }

    static String describe(TickleStatus t) {
        return switch (t) {
            case TickleStatus.Healthy h -> "authenticated (brokerage session open)";
            case TickleStatus.NoSession n -> "not logged in. Fix: ibex auth login (approve the IB Key push on your phone)";
            case TickleStatus.Competing c -> "competing: another login (TWS, mobile) holds the brokerage session."
                + " Fix: log out there, or ibex auth keepalive takes it back";
            case TickleStatus.NotAuthenticated na -> "logged in, brokerage session down. Fix: ibex auth keepalive (calls ssodh/init)";
            case TickleStatus.Refused r -> "gateway not reachable (" + r.detail() + "). Fix: ibex gateway start";
            case TickleStatus.Unexpected u -> "gateway answered " + u.detail();
        };
    }

    private int login() {
        try (Alerter alerter = alerter("auth login"); IbeamSupervisor supervisor = supervisor(alerter)) {
            LoginResult r = supervisor.login();
            System.out.println("login: " + switch (r) {
                case LoginResult.Succeeded s -> "succeeded";
                case LoginResult.TwoFaTimeout t -> "the IB Key approval did not arrive in " + t.waited().toSeconds()
                    + " s; run ibex auth login again with your phone at hand";
                case LoginResult.BadCredentials b -> "rejected (" + b.message() + "); fix the .env file before trying again";
                case LoginResult.BudgetExhausted b -> "too many attempts; next allowed at " + b.nextAttemptAllowed();
                case LoginResult.Failed f -> f.message();
            });
            return r instanceof LoginResult.Succeeded ? 0 : 1;
        }
    }

    private int logout() {
        boolean ok = new ClientSessionEndpoints(gateway.client()).logout();
        System.out.println(ok ? "logout: done" : "logout: the gateway did not confirm (is it running? ibex gateway status)");
        return ok ? 0 : 1;
    }

    private int keepalive() {
        DateTimeFormatter hms = DateTimeFormatter.ofPattern("HH:mm:ss");
        CountDownLatch stop = new CountDownLatch(1);
        try (Alerter alerter = alerter("auth keepalive"); ExecutorScheduler scheduler = new ExecutorScheduler();
             IbeamSupervisor supervisor = supervisor(alerter)) {
            SessionKeeper keeper = new SessionKeeper(new ClientSessionEndpoints(gateway.client()), supervisor, InstantSource.system(),
                scheduler, KeeperConfig.defaults().withTickleInterval(Duration.ofSeconds(tickleSeconds))
                    .withResetWindows(ResetWindows.parse(resetWindow, resetZone)), alerter);
            keeper.addListener(new SessionDownWatch(scheduler, alertOptions.sessionDownAfter(), alerter));
            keeper.addListener((from, to, reason) ->
                System.out.println(LocalTime.now().format(hms) + "  session " + to + "  (" + reason + ")"));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                keeper.stop();
                stop.countDown();
            }));
            System.out.println("keepalive: tickling " + gateway.gatewayUrl + " every " + tickleSeconds + " s; Ctrl-C stops");
            keeper.start();
            stop.await();
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private IbeamSupervisor supervisor(AlertSink alerts) {
        return new IbeamSupervisor(ibeam.config(gateway), System.getenv(), LoginBudget.reliabilityDefault(InstantSource.system()),
            alerts);
    }

    private Alerter alerter(String runner) {
        return alertOptions.build(consoleAlerts(), runner, System.getenv(), AlertOptions.ibexHome(System.getenv()), null, null);
    }

    private static AlertSink consoleAlerts() {
        return new AlertSink() {
            @Override public void alert(String message) { System.err.println("ALERT: " + message); }
            @Override public void notice(String message) { System.out.println(">>> " + message); }
        };
    }
}
