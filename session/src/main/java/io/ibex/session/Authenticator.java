package io.ibex.session;

/** Runs one full login (IBeam in production, the fake IBeam in tests). Blocks until the attempt ends. */
@FunctionalInterface
public interface Authenticator {
    LoginResult login();
}
