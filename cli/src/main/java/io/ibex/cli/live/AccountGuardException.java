package io.ibex.cli.live;

import io.ibex.framework.error.IbexException;

/** P5: the account the gateway serves is not one this run may trade (live account in paper mode, or no opt-in). */
final class AccountGuardException extends IbexException {
    AccountGuardException(String message) { super(message); }
}
