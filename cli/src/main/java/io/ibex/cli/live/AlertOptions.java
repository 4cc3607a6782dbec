package io.ibex.cli.live;

import io.ibex.session.alert.AlertChannel;
import io.ibex.session.alert.Alerter;
import io.ibex.session.alert.HttpPoster;
import io.ibex.session.alert.NtfyChannel;
import io.ibex.session.alert.TelegramChannel;
import io.ibex.session.alert.WebhookChannel;

import io.ibex.framework.error.ConfigException;
import io.ibex.session.AlertSink;
import io.ibex.session.EnvFile;
import io.ibex.session.Redactor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The alert options of {@code ibex live}, {@code ibex auth keepalive} and {@code ibex auth login}. Addresses can also
 * come from the private file {@code $IBEX_HOME/alerts.env} (0600; same keys as the environment variables), which is
 * where a Telegram bot token belongs: a token on the command line is visible to every user in {@code ps}.
 */
public final class AlertOptions {
    static final String WEBHOOK = "IBEX_ALERT_WEBHOOK";
    static final String NTFY = "IBEX_ALERT_NTFY";
    static final String TELEGRAM_CHAT = "IBEX_TELEGRAM_CHAT";
    static final String TELEGRAM_TOKEN = "IBEX_TELEGRAM_TOKEN";
    static final String TELEGRAM_API = "IBEX_TELEGRAM_API";

    @Option(names = "--alert-webhook", paramLabel = "URL", description = "POST each alert as JSON {level,event,message,"
        + "time,account,runner} to URL (repeatable; also " + WEBHOOK + ", space-separated).")
    List<String> webhooks = new ArrayList<>();

    @Option(names = "--alert-ntfy", paramLabel = "TOPIC_URL", description = "Publish alerts to an ntfy topic, e.g."
        + " https://ntfy.sh/my-ibex-alerts (repeatable; also " + NTFY + ").")
    List<String> ntfy = new ArrayList<>();

    @Option(names = "--alert-telegram", paramLabel = "CHAT_ID", description = "Send alerts to this Telegram chat; the bot"
        + " token comes from " + TELEGRAM_TOKEN + " (environment or alerts file), never from the command line.")
    String telegramChat;

    @Option(names = "--alert-telegram-api", paramLabel = "URL", description = "Telegram bot API base (default: "
        + TelegramChannel.DEFAULT_API + ").")
    String telegramApi;

    @Option(names = "--alert-file", paramLabel = "FILE", description = "Private (0600) file with the " + WEBHOOK + ", "
        + NTFY + ", " + TELEGRAM_CHAT + " and " + TELEGRAM_TOKEN + " lines (default: ~/.ibex/alerts.env when it exists).")
    Path file;

    @Option(names = "--alert-session-down", paramLabel = "MIN", defaultValue = "5",
        description = "Alert when the session stays down this many minutes (default: ${DEFAULT-VALUE}).")
    int sessionDownMinutes;

    public Duration sessionDownAfter() {
        if (sessionDownMinutes < 1) throw new ConfigException("--alert-session-down: needs at least 1 minute");
        return Duration.ofMinutes(sessionDownMinutes);
    }

    /** The channels of the options, the file and the environment, checked; empty when none is configured. */
    public List<AlertChannel> channels(Map<String, String> env, Path ibexHome) {
        Map<String, String> values = new HashMap<>(env);
        Path f = file != null ? file : ibexHome.resolve("alerts.env");
        if (file != null || Files.exists(f)) values.putAll(EnvFile.load(f));
        List<AlertChannel> out = new ArrayList<>();
        for (String url : concat(webhooks, values.get(WEBHOOK))) out.add(new WebhookChannel(HttpPoster.checkUrl("--alert-webhook", url)));
        for (String url : concat(ntfy, values.get(NTFY))) out.add(new NtfyChannel(HttpPoster.checkUrl("--alert-ntfy", url)));
        String chat = telegramChat != null ? telegramChat : values.get(TELEGRAM_CHAT);
        if (chat != null && !chat.isBlank()) {
            String token = values.get(TELEGRAM_TOKEN);
            if (token == null || token.isBlank()) {
                throw new ConfigException("--alert-telegram: no bot token. Fix: put " + TELEGRAM_TOKEN + "=... in " + f
                    + " (chmod 600) or the environment");
            }
            String api = telegramApi != null ? telegramApi : values.getOrDefault(TELEGRAM_API, TelegramChannel.DEFAULT_API);
            out.add(new TelegramChannel(HttpPoster.checkUrl("--alert-telegram-api", api), token.strip(), chat.strip()));
        }
        return out;
    }

    /**
     * The alerter for a command; messages are redacted of {@code password} and {@code account} (either may be null) and
     * of every account id. A Telegram token travels only in the request path, never in a message or an error.
     */
    public Alerter build(AlertSink console, String runner, Map<String, String> env, Path ibexHome, String password, String account) {
        List<AlertChannel> channels = channels(env, ibexHome);
        return new Alerter(channels, console, Redactor.of(password, account), InstantSource.system(), runner,
            Alerter.Settings.defaults(), Thread::sleep);
    }

    private static List<String> concat(List<String> fromOptions, String fromEnv) {
        List<String> all = new ArrayList<>(fromOptions);
        if (fromEnv != null && !fromEnv.isBlank()) all.addAll(Arrays.asList(fromEnv.strip().split("\\s+")));
        return all;
    }
}
