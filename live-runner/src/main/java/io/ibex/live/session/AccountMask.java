package io.ibex.live.session;

/** Shows an account id as {@code U1****67}: enough to tell accounts apart, not enough to identify one. */
public final class AccountMask {
    private AccountMask() {}

    public static String mask(String accountId) {
        if (accountId == null || accountId.length() <= 4) return "****";
        return accountId.substring(0, 2) + "****" + accountId.substring(accountId.length() - 2);
    }
}
