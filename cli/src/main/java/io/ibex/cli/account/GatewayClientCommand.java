package io.ibex.cli.account;

import io.ibex.framework.error.ConfigException;
import io.ibex.framework.error.IbexException;
import io.ibex.gateway.GatewayClock;
import io.ibex.gateway.GatewaySessionExpiredException;
import io.ibex.gateway.NoBridgeException;
import io.ibex.gateway.OrderOutcomeUnknownException;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/**
 * Base of the gateway commands: opens the session, runs the command, and turns an {@link IbexException} into one
 * line on stderr and an exit code (2 bad input, 3 session/login needed, 4 order outcome unknown, 1 other).
 */
abstract class GatewayClientCommand implements Callable<Integer> {
    static final int FAILED = 1;
    static final int BAD_INPUT = 2;
    static final int NEEDS_LOGIN = 3;
    static final int OUTCOME_UNKNOWN = 4;

    @Mixin GatewayClientOptions options;
    @Spec CommandSpec spec;

    /** The clock the session uses; tests may replace it. */
    static GatewayClock clock = GatewayClock.SYSTEM;

    @Override
    public final Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (GatewaySession session = GatewaySession.open(options, clock)) {
            return run(session, out, err);
        } catch (OrderOutcomeUnknownException e) {
            return fail(err, e, OUTCOME_UNKNOWN);
        } catch (GatewaySessionExpiredException | NoBridgeException e) {
            return fail(err, e, NEEDS_LOGIN);
        } catch (ConfigException | IllegalArgumentException e) {
            return fail(err, e, BAD_INPUT);
        } catch (IbexException e) {
            return fail(err, e, FAILED);
        }
    }

    abstract int run(GatewaySession session, PrintWriter out, PrintWriter err);

    private int fail(PrintWriter err, Exception e, int code) {
        // "ibex order: ...", like backtest and data (a command run on its own, as in tests, has no "ibex" parent)
        String name = spec.parent() == null ? "ibex " + spec.name() : spec.qualifiedName();
        err.println(name + ": " + e.getMessage());
        err.flush();
        return code;
    }
}
