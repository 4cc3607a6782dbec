package io.ibex.cli.account;

import io.ibex.gateway.PlaceOrderReply;
import io.ibex.gateway.QuestionPolicy;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.PrintWriter;

/**
 * How an order command gets the user's yes: {@code --yes}, or an answer typed on the console. Without either
 * (stdin is not a terminal) nothing is sent.
 */
interface ConfirmationPrompt {
    /** Null when there is no one to ask. */
    BufferedReader reader();

    ConfirmationPrompt CONSOLE = () -> {
        Console console = System.console();
        return console == null ? null : new BufferedReader(console.reader());
    };

    static boolean ask(ConfirmationPrompt prompt, PrintWriter out, String question) {
        BufferedReader in = prompt.reader();
        if (in == null) return false;
        out.print(question + " [y/N] ");
        out.flush();
        try {
            String answer = in.readLine();
            return answer != null && (answer.trim().equalsIgnoreCase("y") || answer.trim().equalsIgnoreCase("yes"));
        } catch (IOException e) {
            return false;
        }
    }

    /** Prints each gateway question; confirms it if {@code yes}, otherwise asks. */
    static QuestionPolicy policy(boolean yes, ConfirmationPrompt prompt, PrintWriter out) {
        return (PlaceOrderReply.NeedsConfirmation q) -> {
            out.println("gateway asks " + q.messageIds() + ": " + String.join(" ", q.messages()).replaceAll("\\s+", " ").strip());
            if (yes) {
                out.println("  confirmed (--yes)");
                out.flush();
                return true;
            }
            return ask(prompt, out, "  confirm?");
        };
    }
}
