package io.ibex.session;

import java.nio.file.Path;
import java.time.InstantSource;

/** A separate ibex-like process for {@link LoginBudgetTest}: asks the shared budget N times, prints one word per ask. */
public final class LoginBudgetChild {
    private LoginBudgetChild() {}

    public static void main(String[] args) {
        LoginBudget budget = LoginBudget.shared(Path.of(args[0]), InstantSource.system());
        for (int i = 0; i < Integer.parseInt(args[1]); i++) System.out.println(budget.tryAcquire().isEmpty() ? "granted" : "refused");
    }
}
