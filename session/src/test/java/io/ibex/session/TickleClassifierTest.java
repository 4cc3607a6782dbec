package io.ibex.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TickleClassifierTest {
    private static final String HEALTHY = """
        {"session":"bb665d0f55b6289d70bc7380089fc96f","ssoExpires":460311,"collission":false,"userId":123456789,
         "hmds":{"error":"no bridge"},
         "iserver":{"authStatus":{"authenticated":true,"competing":false,"connected":true,"message":""}}}""";

    @Test
    void noBridgeInHmdsIsHarmless() {
        assertThat(TickleClassifier.classify(200, HEALTHY)).isEqualTo(new TickleStatus.Healthy("bb665d0f55b6289d70bc7380089fc96f"));
    }

    @Test
    void status401AndTheNoSessionBodyBothMeanLoginRequired() {
        assertThat(TickleClassifier.classify(401, "")).isInstanceOf(TickleStatus.NoSession.class);
        assertThat(TickleClassifier.classify(200, "{\"error\":\"no session\"}")).isInstanceOf(TickleStatus.NoSession.class);
    }

    @Test
    void competingWinsOverAuthenticatedFlags() {
        String body = HEALTHY.replace("\"competing\":false", "\"competing\":true");
        assertThat(TickleClassifier.classify(200, body)).isInstanceOf(TickleStatus.Competing.class);
    }

    @Test
    void aMissingAuthStatusReadsAsNotAuthenticated() {
        assertThat(TickleClassifier.classify(200, "{\"session\":\"x\"}")).isEqualTo(new TickleStatus.NotAuthenticated(false));
        String lapsed = HEALTHY.replace("\"authenticated\":true", "\"authenticated\":false");
        assertThat(TickleClassifier.classify(200, lapsed)).isEqualTo(new TickleStatus.NotAuthenticated(true));
    }

    @Test
    void serverErrorsAndGarbageAreUnexpected() {
        assertThat(TickleClassifier.classify(503, "")).isInstanceOf(TickleStatus.Unexpected.class);
        assertThat(TickleClassifier.classify(200, "<html>")).isInstanceOf(TickleStatus.Unexpected.class);
    }
}
