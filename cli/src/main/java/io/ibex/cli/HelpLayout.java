package io.ibex.cli;

import picocli.CommandLine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How ibex's help reads: the root lists its commands in groups, {@code -h}/{@code -V} come last in every option list,
 * and lines are wrapped at spaces only. picocli wraps after ':' and '/' too, which splits copyable tokens such as
 * {@code fast=5:20:5} or {@code https://localhost:5000}; so picocli renders unwrapped and {@link #wrap} does the wrapping.
 */
final class HelpLayout {
    static final int WIDTH = 80;
    /** picocli's own width: wide enough that it never wraps. */
    private static final int UNWRAPPED = 10_000;

    /** The root's command groups, in the order printed; every command appears in exactly one. */
    static final Map<String, List<String>> GROUPS = groups();

    private static final java.util.regex.Pattern SYNOPSIS = java.util.regex.Pattern.compile("^Usage: ([a-z][\\w-]* )+(?=[\\[<A-Z(-])");

    private HelpLayout() {}

    private static Map<String, List<String>> groups() {
        Map<String, List<String>> g = new LinkedHashMap<>();
        g.put("Research", List.of("demo", "backtest", "sweep", "strategies"));
        g.put("Data", List.of("data"));
        g.put("Account & orders", List.of("accounts", "summary", "positions", "ledger", "search", "quote", "order", "orders",
            "modify", "cancel"));
        g.put("Session & gateway", List.of("gateway", "auth", "doctor", "gateway-sim"));
        g.put("Live", List.of("live"));
        g.put("Tools", List.of("help"));
        return g;
    }

    /** Applies the layout to {@code cl} and all its subcommands. */
    static void apply(CommandLine cl) {
        cl.setUsageHelpWidth(UNWRAPPED);
        applyTo(cl);
        cl.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_COMMAND_LIST_HEADING, help -> "");
        cl.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_COMMAND_LIST, HelpLayout::groupedCommands);
        cl.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_FOOTER, help ->
            """

            The ./ibex script also runs:
              ./ibex test    the whole test suite (what CI runs)
              ./ibex build   rebuild the JAR
              ./ibex bench   JMH benchmarks against Ta4j (--quick: about 3 minutes)
            Details: ibex help COMMAND [SUBCOMMAND]
            """);
    }

    private static void applyTo(CommandLine cl) {
        Map<String, CommandLine.IHelpSectionRenderer> sections = cl.getHelpSectionMap();
        // the heading and the synopsis as one text, so that wrapping sees the whole "Usage: ibex ..." line
        CommandLine.IHelpSectionRenderer heading = sections.get(CommandLine.Model.UsageMessageSpec.SECTION_KEY_SYNOPSIS_HEADING);
        CommandLine.IHelpSectionRenderer synopsis = sections.get(CommandLine.Model.UsageMessageSpec.SECTION_KEY_SYNOPSIS);
        sections.put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_SYNOPSIS_HEADING, help -> "");
        sections.put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_SYNOPSIS, help -> heading.render(help) + synopsis.render(help));
        for (String key : new ArrayList<>(sections.keySet())) {
            CommandLine.IHelpSectionRenderer picocli = sections.get(key);
            boolean options = key.equals(CommandLine.Model.UsageMessageSpec.SECTION_KEY_OPTION_LIST);
            sections.put(key, help -> wrap(options ? helpOptionsLast(picocli.render(help)) : picocli.render(help), WIDTH));
        }
        cl.setHelpSectionMap(sections);
        cl.getSubcommands().values().forEach(HelpLayout::applyTo);
    }

    private static final java.util.regex.Pattern HELP_OPTION = java.util.regex.Pattern.compile("^ +(-[hV], )?--(help|version) .*");

    /** The option list with the -h/--help and -V/--version lines moved after the command's own options. */
    static String helpOptionsLast(String optionList) {
        List<String> own = new ArrayList<>(), help = new ArrayList<>();
        boolean newline = optionList.endsWith("\n");
        for (String line : (newline ? optionList.substring(0, optionList.length() - 1) : optionList).split("\n", -1))
            (HELP_OPTION.matcher(line).matches() ? help : own).add(line);
        own.addAll(help);
        return String.join("\n", own) + (newline ? "\n" : "");
    }

    private static String groupedCommands(CommandLine.Help help) {
        Map<String, CommandLine> subs = help.commandSpec().commandLine().getSubcommands();
        int nameWidth = subs.keySet().stream().mapToInt(String::length).max().orElse(0);
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, List<String>> g : GROUPS.entrySet()) {
            b.append(g.getKey()).append(":\n");
            for (String name : g.getValue()) {
                CommandLine sub = subs.get(name);
                if (sub == null) continue;
                String[] d = sub.getCommandSpec().usageMessage().description();
                String first = d.length == 0 ? "" : String.format(d[0].replace("%n", " "));
                b.append(wrap("  " + pad(name, nameWidth) + "  " + first, WIDTH)).append('\n');
            }
        }
        return b.toString();
    }

    private static String pad(String s, int width) { return s + " ".repeat(width - s.length()); }

    /**
     * Wraps each line longer than {@code width} at spaces only; continuation lines start under the line's text column
     * (after the leading spaces, or after the option column of an option line). A single token longer than the space
     * left stays whole.
     */
    static String wrap(String text, int width) {
        StringBuilder out = new StringBuilder();
        String[] lines = text.split("\n", -1);
        for (int k = 0; k < lines.length; k++) {
            if (k > 0) out.append('\n');
            out.append(wrapLine(lines[k], width));
        }
        return out.toString();
    }

    private static String wrapLine(String line, int width) {
        if (line.length() <= width) return line;
        int indent = textColumn(line);
        StringBuilder out = new StringBuilder();
        String rest = line;
        boolean first = true;
        while (rest.length() > width) {
            int cut = rest.lastIndexOf(' ', width);
            int floor = first ? indent : indent + 1;
            if (cut <= floor) cut = rest.indexOf(' ', width); // one long token: keep it whole
            if (cut < 0) break;
            out.append(rest, 0, cut).append('\n');
            rest = " ".repeat(indent) + rest.substring(cut).stripLeading();
            first = false;
        }
        return out.append(rest).toString();
    }

    /** Where a line's text starts: after a run of two or more spaces following the first word (an option or command column), else after the indentation. */
    private static int textColumn(String line) {
        java.util.regex.Matcher usage = SYNOPSIS.matcher(line);
        if (usage.find()) return usage.end(); // under the first option of "Usage: ibex data import [-h] ..."
        int lead = 0;
        while (lead < line.length() && line.charAt(lead) == ' ') lead++;
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\S {2,}(?=\\S)").matcher(line);
        if (m.find(lead) && m.end() <= 40) return m.end();
        return lead;
    }
}
