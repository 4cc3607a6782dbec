package io.ibex.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The root help in groups, help at any depth, wrapping that keeps tokens whole, option hints with their choices. */
class HelpLayoutCliTest {
    @Test void theRootHelpGroupsEveryCommandAndMentionsTheScriptCommands() {
        Cli r = Cli.run("--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).containsSubsequence("Research:", "Data:", "Account & orders:", "Session & gateway:", "Live:", "Tools:")
            .doesNotContain("Commands:").contains("./ibex test").contains("./ibex build").contains("./ibex bench");
        for (String command : IbexCommand.commandLine().getSubcommands().keySet())
            assertThat(r.out()).as(command).containsPattern("(?m)^  " + java.util.regex.Pattern.quote(command) + " ");
        assertThat(HelpLayout.GROUPS.values().stream().flatMap(List::stream))
            .containsExactlyInAnyOrderElementsOf(IbexCommand.commandLine().getSubcommands().keySet());
    }

    @Test void helpNamesASubcommandAtAnyDepth() {
        Cli r = Cli.run("help", "data", "import");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("Usage: ibex data import ");
        Cli wrong = Cli.run("help", "data", "imprt");
        assertThat(wrong.exitCode()).isEqualTo(2);
        assertThat(wrong.err()).contains("unknown command 'data imprt'");
    }

    @ParameterizedTest(name = "ibex {0} --help")
    @ValueSource(strings = {"sweep", "order", "backtest", "data import", "gateway status", "doctor", "live", "gateway-sim"})
    void linesAreWrappedAtSpacesOnlyAndNoLongerThanEightyColumns(String command) {
        String[] words = command.split(" ");
        String[] args = java.util.Arrays.copyOf(words, words.length + 1);
        args[words.length] = "--help";
        String help = Cli.run(args).out();
        assertThat(help.lines()).allSatisfy(l -> assertThat(l).doesNotMatch(".*(https?|\\d|=\\S*):$"));
        assertThat(help.lines().filter(l -> l.length() > HelpLayout.WIDTH && l.strip().contains(" "))).isEmpty();
    }

    @Test void copyableTokensStayWhole() {
        assertThat(Cli.run("sweep", "--help").out()).contains("fast=5:20:5");
        assertThat(Cli.run("order", "--help").out()).contains("https://localhost:5000");
    }

    @Test void optionHintsListTheChoicesAndHelpComesLast() {
        String help = Cli.run("order", "--help").out();
        assertThat(help).contains("--type=MKT|LMT|STP|STOP_LIMIT").contains("--tif=DAY|GTC");
        List<String> options = help.lines().filter(l -> l.matches("^ +(-\\w, )?--[\\w-]+.*")).toList();
        assertThat(options.get(options.size() - 1)).contains("-h, --help");
        List<String> backtest = Cli.run("backtest", "--help").out().lines().filter(l -> l.matches("^ +(-\\w, )?--[\\w-]+.*")).toList();
        assertThat(backtest.subList(backtest.size() - 2, backtest.size())).anyMatch(l -> l.contains("--help")).anyMatch(l -> l.contains("--version"));
    }

    /** One capitalisation everywhere: each option and parameter reads as a sentence, and no help page makes picocli warn. */
    @Test void everyOptionDescriptionIsACapitalisedSentenceAndEveryHelpPageRendersCleanly() {
        java.util.List<String> offenders = new java.util.ArrayList<>();
        java.io.PrintStream stderr = System.err;
        java.io.ByteArrayOutputStream warnings = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(warnings, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            visit(IbexCommand.commandLine(), offenders);
        } finally {
            System.setErr(stderr);
        }
        assertThat(offenders).isEmpty();
        assertThat(warnings.toString(java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("picocli WARN");
    }

    private static void visit(picocli.CommandLine cl, List<String> offenders) {
        cl.getUsageMessage(picocli.CommandLine.Help.Ansi.OFF);
        var spec = cl.getCommandSpec();
        java.util.List<picocli.CommandLine.Model.ArgSpec> args = new java.util.ArrayList<>(spec.options());
        args.addAll(spec.positionalParameters());
        for (var arg : args) {
            String text = String.join(" ", arg.description()).strip();
            String name = spec.qualifiedName() + " " + (arg.isOption() ? ((picocli.CommandLine.Model.OptionSpec) arg).longestName() : arg.paramLabel());
            if (!text.matches("(?s)[^a-z].*\\.")) offenders.add(name + ": " + text);
        }
        cl.getSubcommands().values().forEach(sub -> visit(sub, offenders));
    }

    /** Main builds only the command it runs; its help and options are exactly those of the full tree. */
    @Test void theCommandBuiltAloneIsTheCommandOfTheFullTree() {
        picocli.CommandLine full = IbexCommand.commandLine();
        for (String name : full.getSubcommands().keySet()) {
            if (name.equals("help")) continue;
            picocli.CommandLine alone = IbexCommand.commandLineFor(new String[] {name, "--help"});
            assertThat(alone.getSubcommands().keySet()).as(name).containsExactly(name);
            assertThat(alone.getSubcommands().get(name).getUsageMessage(picocli.CommandLine.Help.Ansi.OFF)).as(name)
                .isEqualTo(full.getSubcommands().get(name).getUsageMessage(picocli.CommandLine.Help.Ansi.OFF));
        }
        assertThat(IbexCommand.commandLineFor(new String[] {"bactest"}).getSubcommands()).hasSameSizeAs(full.getSubcommands());
        assertThat(IbexCommand.commandLineFor(new String[] {"help", "data"}).getSubcommands()).hasSameSizeAs(full.getSubcommands());
        assertThat(Cli.run("--version").out().strip()).isEqualTo("ibex 0.1.0");
        assertThat(Cli.run("-V").exitCode()).isZero();
    }

    @Test void wrapKeepsALongTokenWholeAndIndentsUnderTheTextColumn() {
        String wrapped = HelpLayout.wrap("      --gateway=URL   default " + "x".repeat(10) + " https://localhost:5000/v1/api/and/more/of/it", 40);
        assertThat(wrapped).contains("https://localhost:5000/v1/api/and/more/of/it").contains("\n                      ");
    }
}
