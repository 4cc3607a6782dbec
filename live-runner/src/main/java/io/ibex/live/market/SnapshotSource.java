package io.ibex.live.market;

import io.ibex.framework.domain.Instrument;

import java.util.List;

/** One {@code /iserver/marketdata/snapshot} call for up to 100 instruments; an adapter over the gateway client. */
@FunctionalInterface
public interface SnapshotSource {
    int MAX_CONIDS_PER_CALL = 100;

    /** Rows for the batch; a pre-flight answer comes back as rows flagged {@link QuoteFlag#PREFLIGHT}. */
    List<Quote> snapshot(List<Instrument> batch);
}
