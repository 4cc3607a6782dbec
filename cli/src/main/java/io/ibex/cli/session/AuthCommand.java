package io.ibex.cli.session;

import io.ibex.session.AlertSink;
import io.ibex.session.ClientSessionEndpoints;
import io.ibex.session.ExecutorScheduler;
import io.ibex.session.IbeamSupervisor;
import io.ibex.session.KeeperConfig;
import io.ibex.session.LoginBudget;
import io.ibex.session.LoginResult;
import io.ibex.session.ResetWindows;
import io.ibex.session.SessionKeeper;
import io.ibex.session.TickleStatus;

import io.ibex.framework.error.ConfigException;
import io.ibex.framework.error.IbexException;
import io.ibex.framework.env.IbexHome;
import io.ibex.cli.live.AlertOptions;
import io.ibex.session.alert.Alerter;
import io.ibex.session.alert.SessionDownWatch;
import io.ibex.cli.account.GatewaySession;
import io.ibex.gateway.GatewayClient;
import io.ibex.gateway.GatewayClock;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code ibex auth status|login|logout|keepalive}: the gateway session, logged in through IBeam. Exit codes: 0 ok,
 * 2 a user mistake (a bad option, a rejected password to fix in the .env), 3 a login is needed (not logged in, the
 * phone approval did not come, the login budget is spent), 1 anything else (gateway unreachable, IBeam failed).
 */
@Command(name = "auth", description = "Gateway session: status, IBeam login (IB Key push), logout, keepalive loop.",
    subcommands = {AuthCommand.Status.class, AuthCommand.Login.class, AuthCommand.Logout.class, AuthCommand.Keepalive.class})
public final class AuthCommand implements Runnable {
    static final int FAILED = 1;
    static final int BAD_INPUT = 2;
    static final int NEEDS_LOGIN = 3;

    private final Path ibexHome;
    @Spec CommandSpec spec;

    public AuthCommand() { this(null); }

    /** With the ibex home that holds the shared login budget (tests give a temp dir; null means $IBEX_HOME or ~/.ibex). */
    AuthCommand(Path ibexHome) { this.ibexHome = ibexHome; }

    @Override public void run() { spec.commandLine().usage(spec.commandLine().getOut()); }

    LoginBudget budget() {
        Path home = ibexHome != null ? ibexHome : IbexHome.dir();
        return LoginBudget.shared(home.resolve(LoginBudget.FILE_NAME), InstantSource.system());
    }

    /** Shared body: the command's lines on stdout; an error's one line, prefixed "ibex auth status:", on stderr. */
    abstract static class Action implements Callable<Integer> {
        @ParentCommand AuthCommand auth;
        @Mixin GatewayOptions gateway;
        @Spec CommandSpec spec;

        @Override public final Integer call() {
            try {
                return run();
            } catch (IbexException e) {
                String name = spec.qualifiedName();
                System.err.println((name.startsWith("ibex ") ? name : "ibex " + name) + ": " + e.getMessage());
                return BAD_INPUT;
            }
        }

        abstract int run();

        /** Runs {@code body} against the gateway, or against an in-process simulator for {@code --gateway sim}. */
        <T> T withClient(Function<GatewayClient, T> body) {
            if (!GatewaySession.isSimulator(gateway.gatewayUrl)) return body.apply(gateway.client());
            try (GatewaySession sim = GatewaySession.simulator(GatewayClock.SYSTEM)) {
                return body.apply(sim.client());
            }
        }

        IbeamSupervisor supervisor(IbeamOptions ibeam) { return supervisor(ibeam, consoleAlerts()); }

        IbeamSupervisor supervisor(IbeamOptions ibeam, AlertSink alerts) {
            if (GatewaySession.isSimulator(gateway.gatewayUrl))
                throw new ConfigException("--gateway sim is an in-process simulator that is always logged in; "
                    + spec.name() + " needs a real gateway (and 'ibex gateway-sim' plus the fake IBeam for a rehearsal)");
            return new IbeamSupervisor(ibeam.config(gateway), System.getenv(), auth.budget(), alerts);
        }
    }

    @Command(name = "status", description = {"Is the session authenticated? Prints the state and the fix; exit 3 when a login is needed.",
        "--gateway sim asks an in-process simulator (always logged in)."})
    static final class Status extends Action {
        @Override int run() {
            TickleStatus t = withClient(client -> new ClientSessionEndpoints(client).tickle());
            System.out.println("session: " + describe(t));
            return switch (t) {
                case TickleStatus.Healthy h -> 0;
                case TickleStatus.NoSession n -> NEEDS_LOGIN;
                case TickleStatus.Competing c -> NEEDS_LOGIN;
                case TickleStatus.NotAuthenticated na -> NEEDS_LOGIN;
                case TickleStatus.Refused r -> FAILED;
                case TickleStatus.Unexpected u -> FAILED;
            };
        }
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

    @Command(name = "login", description = {"One IBeam login: approve the IB Key push on your phone.",
        "At most 3 logins per 30 min and 6 per day, counted for every ibex process of this user; after a rejected",
        "password none at all until --reset-login-budget."})
    static final class Login extends Action {
        @Mixin IbeamOptions ibeam;
        @Mixin AlertOptions alertOptions;

        @Option(names = "--reset-login-budget", description = "Forget earlier attempts and a rejected password first"
            + " (after fixing the .env; never in a restart loop).")
        boolean resetBudget;

        @Override int run() {
            if (resetBudget) {
                auth.budget().reset();
                System.out.println("login budget: reset (earlier attempts and a rejected password forgotten)");
            }
            try (Alerter alerter = alerter(alertOptions, "auth login"); IbeamSupervisor supervisor = supervisor(ibeam, alerter)) {
                LoginResult r = supervisor.login();
                System.out.println("login: " + switch (r) {
                    case LoginResult.Succeeded s -> "succeeded";
                    case LoginResult.TwoFaTimeout t -> "the IB Key approval did not arrive in " + t.waited().toSeconds()
                        + " s; run ibex auth login again with your phone at hand";
                    case LoginResult.BadCredentials b -> "rejected (" + b.message() + "); no ibex process will try again."
                        + " Fix the .env file, then: ibex auth login --reset-login-budget";
                    case LoginResult.BudgetExhausted b -> "too many attempts; next allowed at " + b.nextAttemptAllowed();
                    case LoginResult.Failed f -> f.message();
                });
                return switch (r) {
                    case LoginResult.Succeeded s -> 0;
                    case LoginResult.BadCredentials b -> BAD_INPUT;
                    case LoginResult.TwoFaTimeout t -> NEEDS_LOGIN;
                    case LoginResult.BudgetExhausted b -> NEEDS_LOGIN;
                    case LoginResult.Failed f -> FAILED;
                };
            }
        }
    }

    @Command(name = "logout", description = "End the gateway's brokerage session.")
    static final class Logout extends Action {
        @Override int run() {
            boolean ok = withClient(client -> new ClientSessionEndpoints(client).logout());
            System.out.println(ok ? "logout: done" : "logout: the gateway did not confirm (is it running? ibex gateway status)");
            return ok ? 0 : FAILED;
        }
    }

    @Command(name = "keepalive", description = "Tickle the session, re-open it and log in again when needed, until Ctrl-C.")
    static final class Keepalive extends Action {
        @Mixin IbeamOptions ibeam;
        @Mixin AlertOptions alertOptions;

        @Option(names = "--tickle-seconds", description = "Keepalive tickle period (default: ${DEFAULT-VALUE}).", defaultValue = "60")
        int tickleSeconds;

        @Option(names = "--reset-window", description = "Nightly reset window, no alarms or logins inside (default: ${DEFAULT-VALUE}).",
            defaultValue = "23:45-01:15")
        String resetWindow;

        @Option(names = "--reset-zone", description = "Time zone of --reset-window (default: ${DEFAULT-VALUE}).",
            defaultValue = "America/New_York")
        java.time.ZoneId resetZone;

        @Override int run() {
            DateTimeFormatter hms = DateTimeFormatter.ofPattern("HH:mm:ss");
            CountDownLatch stop = new CountDownLatch(1);
            try (Alerter alerter = alerter(alertOptions, "auth keepalive"); ExecutorScheduler scheduler = new ExecutorScheduler();
                 IbeamSupervisor supervisor = supervisor(ibeam, alerter)) {
                SessionKeeper keeper = new SessionKeeper(new ClientSessionEndpoints(gateway.client()), supervisor,
                    InstantSource.system(), scheduler, KeeperConfig.defaults().withTickleInterval(Duration.ofSeconds(tickleSeconds))
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
    }

    /** The console plus the channels of the alert options (webhook, ntfy, Telegram). */
    static Alerter alerter(AlertOptions options, String runner) {
        return options.build(consoleAlerts(), runner, System.getenv(), IbexHome.dir(), null, null);
    }

    private static AlertSink consoleAlerts() {
        return AlertSink.console(new PrintWriter(System.out, true), new PrintWriter(System.err, true));
    }
}
