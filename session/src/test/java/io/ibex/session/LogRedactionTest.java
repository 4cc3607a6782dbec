package io.ibex.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogRedactionTest {
    @Test
    void registeredSecretsAndAnyAccountIdAreMaskedEverywhere() {
        LogRedaction.register("s3cret-Canary-41", "loginname42");
        assertThat(LogRedaction.redact("GET /portfolio/U1234567/summary by loginname42 pw=s3cret-Canary-41"))
            .isEqualTo("GET /portfolio/U1****67/summary by lo****42 pw=****");
        assertThat(LogRedaction.redact(null)).isEmpty();
    }
}
