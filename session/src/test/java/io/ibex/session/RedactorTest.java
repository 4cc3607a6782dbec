package io.ibex.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactorTest {
    @Test
    void passwordsAndAccountIdsNeverSurvive() {
        Redactor r = Redactor.of("hunter2!", "myuser");
        assertThat(r.redact("login myuser with hunter2! on U1234567 and /portfolio/DU7654321/summary"))
            .isEqualTo("login my****er with **** on U1****67 and /portfolio/DU****21/summary");
    }

    @Test
    void linesWithoutSecretsAreUnchanged() {
        assertThat(Redactor.of("pw", null).redact("Logging in succeeded")).isEqualTo("Logging in succeeded");
        assertThat(AccountMask.mask("U1234567")).isEqualTo("U1****67");
    }
}
