package io.ibex.gateway;

import feign.Feign;
import feign.Logger;
import feign.Request;
import feign.RequestInterceptor;
import feign.Retryer;
import feign.http2client.Http2Client;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Builds the Feign clients over the JDK HttpClient: HTTP/1.1 (so an empty POST still carries Content-Length),
 * TLS pinned to the gateway's certificate with hostname verification on, the client-side rate limiter in front of
 * every request, {@code User-Agent}/{@code Accept} on every request, Feign logging off. Reads and session calls
 * use a GET-only retryer on the injected clock; {@link OrderApi} uses {@link Retryer#NEVER_RETRY}.
 */
public final class GatewayTransport {
    /** The retryer of the order client. Never anything else: a resent order POST can double a position. */
    public static final Retryer ORDER_RETRYER = Retryer.NEVER_RETRY;
    static final String USER_AGENT = "ibex/0.1 (Client Portal API client)";

    private GatewayTransport() {}

    /** All route groups of one gateway, sharing one HttpClient and one rate limiter. */
    public record Apis(SessionApi session, AccountApi accounts, PortfolioApi portfolio, ContractApi contracts,
                       MarketDataApi marketData, OrderQueryApi orderQueries, OrderApi orders, GatewayRateLimiter limiter) {}

    public static Apis build(URI root, SSLContext ssl, GatewayClock clock, GatewayRateLimiter limiter,
                             Duration connectTimeout, Duration readTimeout) {
        SSLParameters params = ssl.getDefaultSSLParameters();
        params.setEndpointIdentificationAlgorithm("HTTPS");
        HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .sslContext(ssl)
            .sslParameters(params)
            .connectTimeout(connectTimeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
        feign.Client client = new PacedClient(new Http2Client(http), limiter);
        Request.Options options = new Request.Options(connectTimeout.toMillis(), TimeUnit.MILLISECONDS,
            readTimeout.toMillis(), TimeUnit.MILLISECONDS, false);
        String url = root.toString();
        Retryer reads = new GetOnlyRetryer(clock, 3, Duration.ofMillis(500), Duration.ofSeconds(5));
        return new Apis(
            builder(client, options, clock, reads).target(SessionApi.class, url),
            builder(client, options, clock, reads).target(AccountApi.class, url),
            builder(client, options, clock, reads).target(PortfolioApi.class, url),
            builder(client, options, clock, reads).target(ContractApi.class, url),
            builder(client, options, clock, reads).target(MarketDataApi.class, url),
            builder(client, options, clock, reads).target(OrderQueryApi.class, url),
            builder(client, options, clock, ORDER_RETRYER).target(OrderApi.class, url),
            limiter);
    }

    private static Feign.Builder builder(feign.Client client, Request.Options options, GatewayClock clock, Retryer retryer) {
        RequestInterceptor headers = t -> {
            t.header("User-Agent", USER_AGENT);
            if (!t.headers().containsKey("Accept")) t.header("Accept", "*/*");
        };
        return Feign.builder()
            .client(client)
            .options(options)
            .retryer(retryer)
            .errorDecoder(new GatewayErrorDecoder(clock))
            .requestInterceptor(headers)
            .logLevel(Logger.Level.NONE);
    }
}
