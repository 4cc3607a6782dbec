package io.ibex.session.doctor;

import io.ibex.data.StoreIntegrity;
import io.ibex.data.StoreLocation;
import io.ibex.framework.error.IbexException;
import io.ibex.framework.env.IbexHome;
import io.ibex.session.EnvFile;
import io.ibex.session.GatewayHttp;
import io.ibex.session.GatewayProbe;
import io.ibex.session.GatewayProcess;
import io.ibex.session.HttpSessionEndpoints;
import io.ibex.gateway.PinnedTls;
import io.ibex.session.TickleStatus;
import io.ibex.session.XvfbDisplay;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * The troubleshooting table of ibkr-gateway.md, automated: each check gives ok / warn / fail and the concrete fix.
 * Every input (paths, environment, clock) is injected, so tests run it against temporary directories and real listeners.
 */
public final class Doctor {
    /** Beyond this the gateway's and our timestamps disagree enough to confuse order times and session expiry. */
    static final Duration MAX_SKEW = Duration.ofSeconds(5);

    public record Inputs(String gatewayUrl, Path gatewayCert, Path gatewayDir, Path ibeamDir, Path chromeDriver,
                         Path envFile, Map<String, String> env, InstantSource clock) {}

    private final Inputs in;

    public Doctor(Inputs in) { this.in = in; }

    public List<Check> run() {
        List<Check> checks = new ArrayList<>();
        checks.add(java());
        GatewayProcess process = new GatewayProcess(in.gatewayDir());
        URI url = URI.create(in.gatewayUrl());
        String host = url.getHost();
        int port = url.getPort() < 0 ? 443 : url.getPort();
        boolean listening = GatewayProbe.listening(host, port);
        String startFix = "start it: ibex gateway start --gateway-dir " + in.gatewayDir();
        Check directory = gatewayDirectory(process);
        Check running = process.find().map(p -> Check.ok("gateway process", "running, pid " + p.pid()))
            .orElseGet(() -> Check.fail("gateway process", "not running", startFix));
        // A gateway that answers but is not ours to manage (Docker, another directory) is fine for trading:
        // only 'ibex gateway start|stop' need the local directory and process.
        checks.add(listening ? managedElsewhere(directory, host, port) : directory);
        checks.add(listening ? managedElsewhere(running, host, port) : running);
        checks.add(listening ? Check.ok("gateway port", host + ":" + port + " answers")
            : Check.fail("gateway port", host + ":" + port + " refuses connections", startFix));
        Optional<SSLContext> pinned = pinned(checks);
        if (listening && pinned.isPresent()) {
            GatewayProbe.Tls tls = GatewayProbe.tls(host, port, pinned.get());
            checks.add(switch (tls) {
                case TRUSTED -> Check.ok("tls", "certificate matches the pinned " + in.gatewayCert());
                case UNTRUSTED_CERTIFICATE -> Check.fail("tls", "the gateway serves a certificate that is not the pinned one",
                    "ibex gateway cert --gateway-dir " + in.gatewayDir() + " --pem " + in.gatewayCert()
                        + ", then ibex gateway stop && ibex gateway start");
                case HANDSHAKE_FAILED -> Check.fail("tls", "TLS handshake failed on " + host + ":" + port,
                    "set listenSsl: true in root/conf.yaml and restart: ibex gateway stop && ibex gateway start");
                case NOT_LISTENING -> Check.fail("tls", "port closed during the check", startFix);
            });
            if (tls == GatewayProbe.Tls.TRUSTED) session(checks, pinned.get());
        }
        checks.add(ibeam());
        checks.add(browser());
        checks.add(display());
        checks.add(envFile());
        checks.add(FileModeCheck.of(IbexHome.dir(in.env())));
        checks.add(barStore());
        return checks;
    }

    private static Check managedElsewhere(Check local, String host, int port) {
        if (local.level() != Check.Level.FAIL) return local;
        return Check.warn(local.name(), local.detail() + ", but a gateway answers on " + host + ":" + port,
            "none needed to trade; 'ibex gateway start|stop' only manage a gateway in --gateway-dir");
    }

    private Check java() {
        int feature = Runtime.version().feature();
        return feature >= 21 ? Check.ok("java", "Java " + Runtime.version())
            : Check.fail("java", "Java " + feature + " is too old", "install a JDK 21 or newer (apt-get install openjdk-21-jdk)");
    }

    private Check gatewayDirectory(GatewayProcess process) {
        try {
            process.checkLayout();
            return Check.ok("gateway directory", in.gatewayDir() + " (listenPort " + process.port() + ")");
        } catch (IbexException e) {
            return Check.fail("gateway directory", in.gatewayDir() + " is not a gateway directory",
                "download https://download2.interactivebrokers.com/portal/clientportal.gw.zip, unzip it to "
                    + in.gatewayDir() + " (or pass --gateway-dir)");
        }
    }

    private Optional<SSLContext> pinned(List<Check> checks) {
        if (!Files.exists(in.gatewayCert())) {
            checks.add(Check.fail("tls", "no pinned certificate at " + in.gatewayCert(),
                "ibex gateway cert --gateway-dir " + in.gatewayDir() + " --pem " + in.gatewayCert()
                    + " (gives the gateway its own key and pins it), or pass --gateway-cert"));
            return Optional.empty();
        }
        try {
            return Optional.of(PinnedTls.fromPem(in.gatewayCert()));
        } catch (IbexException e) {
            checks.add(Check.fail("tls", e.getMessage(), "replace it with the PEM certificate the gateway serves"));
            return Optional.empty();
        }
    }

    private void session(List<Check> checks, SSLContext tls) {
        try (GatewayHttp http = new GatewayHttp(in.gatewayUrl().replaceAll("/+$", "") + "/v1/api", tls, Duration.ofSeconds(10))) {
            TickleStatus t = new HttpSessionEndpoints(http).tickle();
            checks.add(switch (t) {
                case TickleStatus.Healthy h -> Check.ok("auth status", "authenticated");
                case TickleStatus.NoSession n -> Check.fail("auth status", "not logged in", "ibex auth login (approve the IB Key push)");
                case TickleStatus.NotAuthenticated na -> Check.warn("auth status", "logged in, brokerage session down",
                    "ibex auth keepalive (re-opens it with ssodh/init)");
                case TickleStatus.Competing c -> Check.ok("auth status", "logged in");
                case TickleStatus.Refused r -> Check.fail("auth status", "gateway refused the tickle", "ibex gateway start");
                case TickleStatus.Unexpected u -> Check.fail("auth status", "gateway answered " + u.detail(),
                    "wait a minute (nightly reset?) and run ibex doctor again");
            });
            checks.add(t instanceof TickleStatus.Competing
                ? Check.warn("competing session", "another login (TWS, mobile) holds the brokerage session",
                    "log out of TWS / the mobile app, or use a dedicated API username")
                : Check.ok("competing session", "none"));
            checks.add(clockSkew(http));
        }
    }

    private Check clockSkew(GatewayHttp http) {
        try {
            Instant before = in.clock().instant();
            return clockSkew(before, http.post("/tickle", "{}").headers().firstValue("Date"));
        } catch (IOException | RuntimeException e) {
            return Check.warn("clock skew", "could not ask the gateway (" + e.getMessage() + ")", "none needed");
        }
    }

    static Check clockSkew(Instant local, Optional<String> dateHeader) {
        if (dateHeader.isEmpty()) return Check.warn("clock skew", "the gateway sent no Date header; skew not measured", "none needed");
        Instant server;
        try {
            server = ZonedDateTime.parse(dateHeader.get(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            return Check.warn("clock skew", "unreadable Date header '" + dateHeader.get() + "'", "none needed");
        }
        Duration skew = Duration.between(local, server).abs();
        // the Date header has whole seconds, so up to 1 s is noise
        return skew.compareTo(MAX_SKEW) <= 0 ? Check.ok("clock skew", skew.toSeconds() + " s")
            : Check.warn("clock skew", "local clock is " + skew.toSeconds() + " s off the gateway's",
                "enable time sync: timedatectl set-ntp true");
    }

    private Check ibeam() {
        return Files.isRegularFile(in.ibeamDir().resolve("ibeam_starter.py"))
            ? Check.ok("ibeam", in.ibeamDir().resolve("ibeam_starter.py").toString())
            : Check.warn("ibeam", "IBeam not found in " + in.ibeamDir() + " (needed for automatic login)",
                "git clone https://github.com/Voyz/ibeam " + in.ibeamDir() + " && pip install -r "
                    + in.ibeamDir().resolve("requirements.txt") + " (or pass --ibeam-dir)");
    }

    private Check browser() {
        String path = in.env().getOrDefault("PATH", "");
        Optional<Path> chromium = XvfbDisplay.findOnPath(path, "chromium")
            .or(() -> XvfbDisplay.findOnPath(path, "google-chrome"));
        Optional<Path> driver = Files.isExecutable(in.chromeDriver()) ? Optional.of(in.chromeDriver())
            : XvfbDisplay.findOnPath(path, "chromedriver");
        if (chromium.isEmpty()) return Check.warn("chromium", "no chromium on PATH (IBeam needs it to log in)",
            "apt-get install chromium chromium-driver");
        if (driver.isEmpty()) return Check.warn("chromium", "chromium found, chromedriver missing at " + in.chromeDriver(),
            "apt-get install chromium-driver (or pass --chrome-driver)");
        Optional<Integer> browserMajor = ToolVersion.major(chromium.get());
        Optional<Integer> driverMajor = ToolVersion.major(driver.get());
        if (browserMajor.isPresent() && browserMajor.equals(driverMajor))
            return Check.ok("chromium", "chromium and chromedriver both version " + browserMajor.get());
        return Check.warn("chromium", "chromium " + browserMajor.map(String::valueOf).orElse("?") + " vs chromedriver "
            + driverMajor.map(String::valueOf).orElse("?"), "install matching versions: apt-get install --only-upgrade chromium chromium-driver");
    }

    private Check display() {
        String display = in.env().get("DISPLAY");
        if (display != null && !display.isBlank()) return Check.ok("display", "DISPLAY=" + display);
        return XvfbDisplay.findOnPath(in.env().getOrDefault("PATH", ""), "Xvfb")
            .map(x -> Check.ok("display", "no DISPLAY; Xvfb available (use ibex auth login --xvfb)"))
            .orElseGet(() -> Check.warn("display", "no DISPLAY and no Xvfb", "apt-get install xvfb, then use --xvfb"));
    }

    private Check envFile() {
        try {
            Map<String, String> values = EnvFile.load(in.envFile());
            if (!values.containsKey("IBEAM_ACCOUNT") || !values.containsKey("IBEAM_PASSWORD"))
                return Check.fail(".env", in.envFile() + " lacks IBEAM_ACCOUNT or IBEAM_PASSWORD", "add both lines");
            return Check.ok(".env", in.envFile() + " is private (0600)");
        } catch (IbexException e) {
            String msg = e.getMessage();
            int fix = msg.indexOf("Fix: ");
            return fix < 0 ? Check.fail(".env", msg, "see the message")
                : Check.fail(".env", msg.substring(0, fix).strip(), msg.substring(fix + 5));
        }
    }

    /** The bar store ($IBEX_DB or the default) opens safely and every series matches its recorded count and digest. */
    private Check barStore() {
        StoreIntegrity r = StoreIntegrity.check(in.env().get(StoreLocation.ENV));
        return switch (r.status()) {
            case OK -> Check.ok("bar store", r.detail());
            case MISSING -> Check.ok("bar store", r.detail() + " (ibex data import creates it)");
            case IN_USE -> Check.warn("bar store", r.detail(), "run ibex doctor again when the other ibex has finished");
            case DAMAGED -> Check.fail("bar store", r.detail(), "restore a backup of the store, or delete the"
                + " damaged series (ibex data delete) and import it again");
        };
    }
}
