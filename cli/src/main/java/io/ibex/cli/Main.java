package io.ibex.cli;

/** Entry point of the runnable JAR. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(IbexCommand.run(args));
    }
}
