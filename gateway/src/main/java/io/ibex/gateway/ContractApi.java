package io.ibex.gateway;

import feign.Headers;
import feign.Param;
import feign.RequestLine;

/** Contract look-ups, raw JSON. Null parameters are left out of the query. */
@Headers({"Accept: */*"})
public interface ContractApi {
    @RequestLine("GET /v1/api/iserver/secdef/search?symbol={symbol}&secType={secType}")
    String search(@Param("symbol") String symbol, @Param("secType") String secType);

    @RequestLine("GET /v1/api/iserver/secdef/info?conid={conid}&sectype={sectype}&month={month}&exchange={exchange}&strike={strike}&right={right}")
    String info(@Param("conid") long conid, @Param("sectype") String secType, @Param("month") String month,
                @Param("exchange") String exchange, @Param("strike") String strike, @Param("right") String right);

    @RequestLine("GET /v1/api/iserver/contract/{conid}/info")
    String contractInfo(@Param("conid") long conid);

    /** {@code symbols}: comma-separated, upper case. */
    @RequestLine("GET /v1/api/trsrv/stocks?symbols={symbols}")
    String stocks(@Param(value = "symbols", encoded = true) String symbols);
}
