package io.ibex.gateway;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.ibex.framework.domain.ClientOrderId;
import io.ibex.framework.domain.Instrument;
import io.ibex.framework.domain.OrderRequest;
import io.ibex.framework.domain.Side;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static io.ibex.gateway.TestGateway.Reply;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class LogRedactionTest {
    @Test
    void noFullAccountIdReachesTheLogsOrTheExceptionMessagesOfAnOrderFlow() throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        root.addAppender(appender);
        ch.qos.logback.classic.Level before = root.getLevel();
        root.setLevel(ch.qos.logback.classic.Level.DEBUG);
        ManualClock clock = new ManualClock();
        List<String> texts = new ArrayList<>();
        try (TestGateway gw = TestGateway.start()
                .on("GET", "/v1/api/iserver/secdef/search", Reply.ok(Recorded.body("secdef-search/aapl")))
                .on("POST", "/v1/api/iserver/account/U9999999/orders",
                    Reply.ok("[{\"id\":\"q\",\"message\":[\"account U9999999 exceeds limit\"],\"messageIds\":[\"o163\"]}]"))
                .on("POST", "/v1/api/iserver/reply/q", Reply.status(503, "{\"error\":\"U9999999 not ready\"}"))
                .on("GET", "/v1/api/portfolio/U9999999/summary", Reply.status(400, "{\"error\":\"bad account U9999999\"}"))) {
            GatewayClient client = gw.client(clock);
            IbkrBroker broker = new IbkrBroker(client, new AccountId("U9999999"), e -> texts.add(e.toString()), clock,
                QuestionPolicy.allowList(QuestionPolicy.DEFAULT_ALLOWED));
            Throwable unknown = catchThrowable(() -> broker.submit(OrderRequest.market(new ClientOrderId("c1"), Instrument.of("AAPL"), Side.BUY, BigDecimal.ONE)));
            Throwable refused = catchThrowable(() -> client.summary(new AccountId("U9999999")));
            for (Throwable t = unknown; t != null; t = t.getCause()) texts.add(String.valueOf(t.getMessage()));
            for (Throwable t = refused; t != null; t = t.getCause()) texts.add(String.valueOf(t.getMessage()));
            assertThat(unknown).isInstanceOf(OrderOutcomeUnknownException.class);
        } finally {
            root.detachAppender(appender);
            root.setLevel(before);
        }
        appender.list.forEach(e -> texts.add(e.getFormattedMessage()));
        assertThat(appender.list).as("the flow did log").isNotEmpty();
        assertThat(texts).isNotEmpty().noneMatch(t -> t.contains("U9999999"));
        assertThat(String.join("\n", texts)).contains("U9****99");
    }
}
