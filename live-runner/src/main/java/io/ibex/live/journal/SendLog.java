package io.ibex.live.journal;

import io.ibex.framework.domain.ClientOrderId;
import io.ibex.framework.domain.Instrument;
import io.ibex.framework.domain.OrderType;
import io.ibex.framework.domain.Side;
import io.ibex.framework.domain.TimeInForce;
import io.ibex.framework.event.OrderStatus;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code <journal>.sent}: one line per order attempt, appended and forced to the disk after the journal committed the
 * attempt and before the POST leaves (issue 17.4). It exists because the live kill -9 torture caught H2 losing the last
 * committed intents (2 of them after 40 kills) although {@code WRITE_DELAY=0} and {@code CHECKPOINT SYNC} had returned;
 * a plain append-and-force file has no such failure mode. On open the journal restores every intent named here that H2
 * lost, as SUBMITTED, so reconciliation looks it up by cOID and its sequence number is never issued again. A torn last
 * line (kill during the write) was never sent and is ignored.
 */
final class SendLog implements AutoCloseable {
    private final Path path;
    private final FileChannel channel;

    private SendLog(Path path, FileChannel channel) {
        this.path = path;
        this.channel = channel;
    }

    static Path of(Path journal) { return journal.resolveSibling(journal.getFileName() + ".sent"); }

    static SendLog open(Path journal) {
        Path p = of(journal);
        try {
            return new SendLog(p, FileChannel.open(p, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND));
        } catch (IOException e) {
            throw new JournalException("cannot open the send log " + p + ": " + e.getMessage(), e);
        }
    }

    /** Appends the attempt and forces it to the disk; only then may the order go on the wire. */
    void append(JournalIntent i) {
        IntentDraft d = i.draft();
        String line = String.join("\t", Long.toString(i.seq()), i.id().value(), clean(d.strategy()), clean(d.strategyVersion()),
            clean(d.strategySha256()), d.instrument().symbol(), d.instrument().currency(), d.side().name(),
            d.quantity().toPlainString(), d.type().name(), plain(d.limitPrice()), plain(d.stopPrice()), d.tif().name(),
            Long.toString(i.createdMillis()), d.parentId() == null ? "" : d.parentId().value(),
            d.ocaGroup() == null ? "" : clean(d.ocaGroup())) + "\n";
        try {
            ByteBuffer b = ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8));
            while (b.hasRemaining()) channel.write(b);
            channel.force(false);
        } catch (IOException e) {
            throw new JournalException("cannot write the send log " + path + ": " + e.getMessage() + " (the order was NOT sent)", e);
        }
    }

    /** Every complete line of the log at {@code journal}, as the intents they name (status SUBMITTED). */
    static List<JournalIntent> read(Path journal) {
        Path p = of(journal);
        List<JournalIntent> out = new ArrayList<>();
        if (!Files.exists(p)) return out;
        String text;
        try {
            text = Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new JournalException("cannot read the send log " + p + ": " + e.getMessage(), e);
        }
        int end = text.lastIndexOf('\n');
        if (end < 0) return out;
        for (String line : text.substring(0, end).split("\n")) {
            String[] f = line.split("\t", -1);
            // 14 fields up to journal version 2; version 3 adds the bracket parent and the OCA group
            if (f.length != 14 && f.length != 16) throw new JournalException("send log " + p + " has a damaged line: " + line);
            boolean linked = f.length == 16;
            IntentDraft d = new IntentDraft(f[2], f[3], f[4], new Instrument(f[5], f[6]), Side.valueOf(f[7]), new BigDecimal(f[8]),
                OrderType.valueOf(f[9]), decimal(f[10]), decimal(f[11]), TimeInForce.valueOf(f[12]),
                linked && !f[14].isEmpty() ? new ClientOrderId(f[14]) : null, linked && !f[15].isEmpty() ? f[15] : null);
            out.add(new JournalIntent(Long.parseLong(f[0]), new ClientOrderId(f[1]), d, OrderStatus.SUBMITTED, null, 1,
                BigDecimal.ZERO, Long.parseLong(f[13])));
        }
        return out;
    }

    private static String clean(String s) { return s.replace('\t', ' ').replace('\n', ' '); }

    private static String plain(BigDecimal b) { return b == null ? "" : b.toPlainString(); }

    private static BigDecimal decimal(String s) { return s.isEmpty() ? null : new BigDecimal(s); }

    @Override public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // the log is forced after every line; nothing is lost by a failed close
        }
    }
}
