package io.ibex.live.journal;

import io.ibex.framework.domain.ClientOrderId;
import io.ibex.framework.domain.Instrument;
import io.ibex.framework.domain.OrderRequest;
import io.ibex.framework.domain.OrderType;
import io.ibex.framework.domain.Side;
import io.ibex.framework.domain.TimeInForce;
import io.ibex.framework.event.OrderStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.InstantSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Schema version 3: a bracket child's parent and an OCA group survive a reopen, the send log, and the upgrade of a v2 file. */
class JournalBracketLinksTest {
    static final Instrument AAPL = Instrument.of("AAPL");
    static final InstantSource CLOCK = InstantSource.fixed(Instant.parse("2024-03-05T15:00:00Z"));

    @TempDir Path dir;

    static IntentDraft leg(Side side, OrderType type, String limit, String stop) {
        return new IntentDraft("breakout-bracket", "1", "built-in", AAPL, side, BigDecimal.ONE, type,
            limit == null ? null : new BigDecimal(limit), stop == null ? null : new BigDecimal(stop), TimeInForce.GTC);
    }

    @Test
    void aVersionTwoJournalIsUpgradedKeepingItsIntentsAsStandAloneOrdersAndThenStoresBracketLinks() throws Exception {
        Path j = dir.resolve("journal");
        ClientOrderId old;
        try (OrderJournal journal = OrderJournal.open(j, "r1", CLOCK)) {
            old = journal.recordIntent(IntentDraft.market("sma-cross", "1", "built-in", AAPL, Side.BUY, BigDecimal.TEN)).id();
        }
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + j.toAbsolutePath()); Statement s = c.createStatement()) {
            // what ibex wrote before brackets: version 2, no link columns
            s.execute("ALTER TABLE intent DROP COLUMN parent_coid");
            s.execute("ALTER TABLE intent DROP COLUMN oca_group");
            s.execute("DELETE FROM schema_version");
            s.execute("INSERT INTO schema_version VALUES (2)");
        }
        ClientOrderId entry, tp, sl;
        try (OrderJournal journal = OrderJournal.open(j, "r1", CLOCK)) {
            JournalIntent before = journal.find(old).orElseThrow();
            assertThat(before.draft().parentId()).isNull();
            assertThat(before.draft().ocaGroup()).isNull();
            assertThat(before.draft().quantity()).isEqualByComparingTo("10");
            entry = journal.recordIntent(leg(Side.BUY, OrderType.STP, null, "100")).id();
            tp = journal.recordIntent(leg(Side.SELL, OrderType.LMT, "103", null).linked(entry, "bracket-" + entry)).id();
            sl = journal.recordIntent(leg(Side.SELL, OrderType.STP, null, "98.5").linked(entry, "bracket-" + entry)).id();
        }
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + j.toAbsolutePath()); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT MAX(version) FROM schema_version")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(JournalSchema.VERSION).isEqualTo(3);
        }
        try (OrderJournal journal = OrderJournal.open(j, "r1", CLOCK)) {   // a restarted runner knows the children
            assertThat(journal.find(entry).orElseThrow().draft().parentId()).isNull();
            OrderRequest takeProfit = journal.find(tp).orElseThrow().toRequest();
            assertThat(takeProfit.parentId()).isEqualTo(entry);
            assertThat(takeProfit.ocaGroup()).isEqualTo("bracket-" + entry);
            assertThat(takeProfit.limitPrice()).isEqualByComparingTo("103");
            OrderRequest stopLoss = journal.find(sl).orElseThrow().toRequest();
            assertThat(stopLoss.parentId()).isEqualTo(entry);
            assertThat(stopLoss.ocaGroup()).isEqualTo(takeProfit.ocaGroup());
            assertThat(stopLoss.stopPrice()).isEqualByComparingTo("98.5");
        }
    }

    @Test
    void aSentBracketChildThatH2LostIsRestoredFromTheSendLogWithItsParentAndGroup() throws Exception {
        Path j = dir.resolve("journal");
        ClientOrderId entry, child;
        try (OrderJournal journal = OrderJournal.open(j, "r1", CLOCK)) {
            entry = journal.recordIntent(leg(Side.BUY, OrderType.STP, null, "100")).id();
            child = journal.recordIntent(leg(Side.SELL, OrderType.LMT, "103", null).linked(entry, "g1")).id();
            journal.markSending(entry);
            journal.markSending(child);
        }
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + j.toAbsolutePath()); Statement s = c.createStatement()) {
            s.execute("DELETE FROM intent WHERE coid = '" + child.value() + "'");
        }
        try (OrderJournal journal = OrderJournal.open(j, "r1", CLOCK)) {
            JournalIntent back = journal.find(child).orElseThrow();
            assertThat(back.status()).isEqualTo(OrderStatus.SUBMITTED);
            assertThat(back.draft().parentId()).isEqualTo(entry);
            assertThat(back.draft().ocaGroup()).isEqualTo("g1");
        }
    }

    @Test
    void aBlankOrOverlongOcaGroupIsRefusedNamingTheLimit() {
        assertThatThrownBy(() -> leg(Side.SELL, OrderType.LMT, "103", null).linked(null, " "))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("OCA group name must be 1..128");
        assertThatThrownBy(() -> leg(Side.SELL, OrderType.LMT, "103", null).linked(null, "x".repeat(129)))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1..128");
    }
}
