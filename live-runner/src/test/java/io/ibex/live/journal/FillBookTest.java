package io.ibex.live.journal;

import io.ibex.framework.domain.ClientOrderId;
import io.ibex.framework.domain.Fill;
import io.ibex.framework.domain.Instrument;
import io.ibex.framework.domain.Side;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Fills, positions and cash come from memory, and they are what the fill table says, before and after a reopen. */
class FillBookTest {
    static final Instrument MSFT = Instrument.of("MSFT");
    @TempDir Path dir;

    @Test void theBookMatchesTheTableInOrderPositionAndCashAcrossAReopen() {
        Path j = dir.resolve("journal");
        List<Fill> fromTable;
        try (OrderJournal journal = OrderJournal.open(j, "r1", OrderJournalTest.CLOCK)) {
            ClientOrderId aapl = journal.recordIntent(OrderJournalTest.buy("10")).id();
            ClientOrderId msft = journal.recordIntent(IntentDraft.market("sma-cross", "1", "built-in", MSFT, Side.SELL,
                new BigDecimal("3"))).id();
            // arrival out of time order: the book keeps the table's order (time, then execution id)
            journal.recordFill(new Fill("e3", aapl, OrderJournalTest.AAPL, Side.BUY, new BigDecimal("6"), new BigDecimal("101"),
                new BigDecimal("1.00"), 30));
            journal.recordFill(new Fill("e1", aapl, OrderJournalTest.AAPL, Side.BUY, new BigDecimal("4"), new BigDecimal("100.5"),
                new BigDecimal("1.00"), 10));
            journal.recordFill(new Fill("e2", msft, MSFT, Side.SELL, new BigDecimal("3"), new BigDecimal("400.25"),
                new BigDecimal("0.50"), 10));
            assertThat(journal.recordFill(new Fill("e2", msft, MSFT, Side.SELL, new BigDecimal("3"), new BigDecimal("400.25"),
                new BigDecimal("0.50"), 10))).isFalse();                         // a repeat changes nothing
            assertThat(journal.fills()).extracting(Fill::executionId).containsExactly("e1", "e2", "e3");
            assertThat(journal.position("AAPL")).isEqualByComparingTo("10");
            assertThat(journal.position("MSFT")).isEqualByComparingTo("-3");
            assertThat(journal.position("IBM")).isEqualByComparingTo("0");
            // -(4 x 100.5) - 1 + (3 x 400.25) - 0.5 - (6 x 101) - 1
            assertThat(journal.cashFlow()).isEqualByComparingTo("190.25");
            fromTable = journal.fills();
        }
        try (OrderJournal reopened = OrderJournal.open(j, "r1", OrderJournalTest.CLOCK)) {
            assertThat(reopened.fills()).isEqualTo(fromTable);
            assertThat(reopened.cashFlow()).isEqualByComparingTo("190.25");
            assertThat(reopened.position("MSFT")).isEqualByComparingTo("-3");
        }
    }
}
