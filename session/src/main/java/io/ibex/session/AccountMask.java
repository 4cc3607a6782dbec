package io.ibex.session;

/** Shows an account id as {@code U1****67}: enough to tell accounts apart, not enough to identify one. */
public final class AccountMask {
    private AccountMask() {}

    public static String mask(String accountId) {
        return io.ibex.framework.domain.AccountSnapshot.mask(accountId);
    }
}
