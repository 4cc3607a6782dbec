package io.ibex.live.journal;

import io.ibex.framework.domain.ClientOrderId;
import io.ibex.framework.domain.Fill;
import io.ibex.framework.domain.Instrument;
import io.ibex.framework.domain.Side;
import io.ibex.framework.event.OrderStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrderJournalTest {
    static final Instrument AAPL = Instrument.of("AAPL");
    // 2024-03-05T03:30Z is still 4 March in New York: the cOID carries the ET date, not the UTC one
    static final InstantSource CLOCK = InstantSource.fixed(Instant.parse("2024-03-05T03:30:00Z"));

    @TempDir Path dir;

    static IntentDraft buy(String qty) {
        return IntentDraft.market("sma-cross", "1", "built-in", AAPL, Side.BUY, new BigDecimal(qty));
    }

    @Test
    void intentsGetGapFreeSequenceIdsWithTheExchangeDateAndSurviveAReopen() {
        Path j = dir.resolve("journal");
        String runner;
        try (OrderJournal journal = OrderJournal.open(j, "r1", CLOCK)) {
            runner = journal.runnerId();
            assertThat(runner).matches("r1[a-z0-9]{6}");
            assertThat(journal.writeDelay()).isZero();
            assertThat(journal.recordIntent(buy("10")).id().value()).isEqualTo(runner + "-20240304-1");
            assertThat(journal.recordIntent(buy("5")).id().value()).isEqualTo(runner + "-20240304-2");
        }
        // a clock that went back two days cannot repeat a sequence number; the runner id is the journal's, kept
        InstantSource earlier = InstantSource.fixed(Instant.parse("2024-03-03T15:00:00Z"));
        try (OrderJournal journal = OrderJournal.open(j, "r1", earlier)) {
            assertThat(journal.runnerId()).isEqualTo(runner);
            JournalIntent third = journal.recordIntent(buy("1"));
            assertThat(third.seq()).isEqualTo(3);
            assertThat(third.id().value()).isEqualTo(runner + "-20240303-3");
            assertThat(journal.intents()).extracting(JournalIntent::seq).containsExactly(1L, 2L, 3L);
            JournalIntent first = journal.intents().get(0);
            assertThat(first.draft().strategy()).isEqualTo("sma-cross");
            assertThat(first.draft().strategySha256()).isEqualTo("built-in");
            assertThat(first.draft().quantity()).isEqualByComparingTo("10");
            assertThat(first.status()).isEqualTo(OrderStatus.NEW);
        }
    }

    @Test
    void twoJournalsWithTheSamePrefixOnTheSameDayNeverIssueTheSameCoidAndStayWithinTheLengthLimit() {
        try (OrderJournal a = OrderJournal.open(dir.resolve("a/journal"), "ibex", CLOCK);
             OrderJournal b = OrderJournal.open(dir.resolve("b/journal"), "ibex", CLOCK)) {
            assertThat(a.runnerId()).isNotEqualTo(b.runnerId());
            ClientOrderId first = a.recordIntent(buy("1")).id();
            assertThat(b.recordIntent(buy("1")).id()).isNotEqualTo(first);
            assertThat(b.issued(first.value())).isFalse();
            assertThat(a.issued(first.value())).isTrue();
        }
        try (OrderJournal c = OrderJournal.open(dir.resolve("c/journal"), "abcdefgh", CLOCK)) {
            assertThat((c.runnerId() + "-20240304-99999999").length()).isLessThanOrEqualTo(ClientOrderIds.MAX_LENGTH);
        }
    }

    @Test
    void aVersionOneJournalIsUpgradedInPlaceKeepingItsIntentsAndGetsItsOwnRunnerId() throws Exception {
        Path j = dir.resolve("journal");
        try (OrderJournal journal = OrderJournal.open(j, "ibex", CLOCK)) {
            journal.recordIntent(buy("2"));
        }
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:h2:file:" + j.toAbsolutePath());
             java.sql.Statement s = c.createStatement()) {   // make it what ibex 0.1 wrote: version 1, no runner id
            s.execute("DELETE FROM runner_state WHERE k = 'runner_id'");
            s.execute("DELETE FROM schema_version");
            s.execute("INSERT INTO schema_version VALUES (1)");
        }
        try (OrderJournal journal = OrderJournal.open(j, "ibex", CLOCK)) {
            assertThat(journal.runnerId()).matches("ibex[a-z0-9]{6}");
            assertThat(journal.intents()).hasSize(1);
            assertThat(journal.recordIntent(buy("1")).id().value()).isEqualTo(journal.runnerId() + "-20240304-2");
        }
    }

    @Test
    void anIntentThatWasSentButLostByH2IsRestoredFromTheSendLogAndItsSequenceIsNeverIssuedAgain() throws Exception {
        Path j = dir.resolve("journal");
        ClientOrderId sent;
        try (OrderJournal journal = OrderJournal.open(j, "r1", CLOCK)) {
            journal.recordIntent(buy("1"));
            sent = journal.recordIntent(buy("2")).id();
            journal.markSending(sent);
        }
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:h2:file:" + j.toAbsolutePath());
             java.sql.Statement s = c.createStatement()) {   // what the live kill torture saw H2 do: the last intents gone
            s.execute("DELETE FROM intent WHERE seq = 2");
        }
        try (OrderJournal journal = OrderJournal.open(j, "r1", CLOCK)) {
            JournalIntent back = journal.find(sent).orElseThrow();
            assertThat(back.status()).isEqualTo(OrderStatus.SUBMITTED);
            assertThat(back.attempts()).isEqualTo(1);
            assertThat(back.draft().quantity()).isEqualByComparingTo("2");
            assertThat(journal.recordIntent(buy("3")).seq()).isEqualTo(3);
        }
    }

    @Test
    void aRepeatedExecutionIdIsAppliedOnceAndTheStatusFollowsTheFilledQuantity() {
        try (OrderJournal journal = OrderJournal.open(dir.resolve("j"), "r1", CLOCK)) {
            ClientOrderId id = journal.recordIntent(buy("10")).id();
            journal.markSending(id);
            journal.setStatus(id, OrderStatus.WORKING, "777", "ack");
            Fill part = new Fill("e1", id, AAPL, Side.BUY, new BigDecimal("4"), new BigDecimal("100.5"), BigDecimal.ZERO, 1);
            assertThat(journal.recordFill(part)).isTrue();
            assertThat(journal.recordFill(part)).isFalse();
            assertThat(journal.find(id).orElseThrow().status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
            assertThat(journal.find(id).orElseThrow().filledQuantity()).isEqualByComparingTo("4");
            journal.recordFill(new Fill("e2", id, AAPL, Side.BUY, new BigDecimal("6"), new BigDecimal("101"), BigDecimal.ZERO, 2));
            JournalIntent done = journal.find(id).orElseThrow();
            assertThat(done.status()).isEqualTo(OrderStatus.FILLED);
            assertThat(done.brokerOrderId()).isEqualTo("777");
            assertThat(done.attempts()).isEqualTo(1);
            assertThat(journal.position("AAPL")).isEqualByComparingTo("10");
            // a stale status report cannot undo the fill (F34)
            assertThat(journal.setStatus(id, OrderStatus.WORKING, null, "stale poll")).isFalse();
            assertThat(journal.find(id).orElseThrow().status()).isEqualTo(OrderStatus.FILLED);
            assertThat(journal.fills()).hasSize(2);
        }
    }

    @Test
    void aSecondOpenerIsRefusedNamingTheOwnerPidAndGetsTheLockOnceTheFirstCloses() {
        Path j = dir.resolve("journal");
        OrderJournal first = OrderJournal.open(j, "r1", CLOCK);
        assertThatThrownBy(() -> OrderJournal.open(j, "r1", CLOCK))
            .isInstanceOf(JournalLockedException.class)
            .hasMessageStartingWith("journal locked by pid " + ProcessHandle.current().pid());
        first.close();
        try (OrderJournal second = OrderJournal.open(j, "r1", CLOCK)) {
            assertThat(second.intents()).isEmpty();
        }
    }

    @Test
    void aPathCarryingH2SettingsIsRefusedBeforeAnythingOpens() {
        assertThatThrownBy(() -> OrderJournal.open(dir.resolve("j;INIT=RUNSCRIPT FROM 'x'"), "r1", CLOCK))
            .isInstanceOf(JournalException.class).hasMessageContaining("plain file path");
    }

    @Test
    void theHaltStateIsPersisted() {
        Path j = dir.resolve("journal");
        try (OrderJournal journal = OrderJournal.open(j, "r1", CLOCK)) {
            journal.putState("halted", "kill switch");
        }
        try (OrderJournal journal = OrderJournal.open(j, "r1", CLOCK)) {
            assertThat(journal.state("halted")).contains("kill switch");
            assertThat(journal.state("other")).isEmpty();
        }
    }
}
