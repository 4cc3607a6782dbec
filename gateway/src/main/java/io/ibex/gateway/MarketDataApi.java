package io.ibex.gateway;

import feign.CollectionFormat;
import feign.Headers;
import feign.Param;
import feign.RequestLine;

import java.util.List;

/** Market data, raw JSON. The first snapshot for a conid is a pre-flight without values. */
@Headers({"Accept: */*", "Content-Type: application/json"})
public interface MarketDataApi {
    /** Up to 100 conids and 50 fields, sent comma-separated. */
    @RequestLine(value = "GET /v1/api/iserver/marketdata/snapshot?conids={conids}&fields={fields}",
        collectionFormat = CollectionFormat.CSV)
    String snapshot(@Param("conids") List<String> conids, @Param("fields") List<String> fields);

    @RequestLine("GET /v1/api/iserver/marketdata/history?conid={conid}&period={period}&bar={bar}&outsideRth={outsideRth}")
    String history(@Param("conid") long conid, @Param("period") String period, @Param("bar") String bar,
                   @Param("outsideRth") Boolean outsideRth);

    /**
     * One page of history whose newest edge is {@code startTime} (UTC {@code yyyyMMdd-HH:mm:ss}; null: now), for
     * paging backwards; at most 1000 bars per answer.
     */
    @RequestLine("GET /v1/api/iserver/marketdata/history?conid={conid}&period={period}&bar={bar}&startTime={startTime}")
    String historyPage(@Param("conid") long conid, @Param("period") String period, @Param("bar") String bar,
                       @Param("startTime") String startTime);

    /** Body {@code {"conid":265598}}. */
    @RequestLine("POST /v1/api/iserver/marketdata/unsubscribe")
    String unsubscribe(String body);

    @RequestLine("GET /v1/api/iserver/marketdata/unsubscribeall")
    String unsubscribeAll();
}
