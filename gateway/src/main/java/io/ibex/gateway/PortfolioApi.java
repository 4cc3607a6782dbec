package io.ibex.gateway;

import feign.Headers;
import feign.Param;
import feign.RequestLine;

/** Portfolio routes, raw JSON. {@code GET /portfolio/accounts} must come before the others. */
@Headers({"Accept: */*", "Content-Type: application/json"})
public interface PortfolioApi {
    @RequestLine("GET /v1/api/portfolio/accounts")
    String accounts();

    @RequestLine("GET /v1/api/portfolio/subaccounts")
    String subaccounts();

    @RequestLine("GET /v1/api/portfolio/{accountId}/summary")
    String summary(@Param("accountId") String accountId);

    @RequestLine("GET /v1/api/portfolio/{accountId}/ledger")
    String ledger(@Param("accountId") String accountId);

    /** One page (from 0) of up to 100 rows; a shorter page is the last. Cached: see {@link #invalidatePositions}. */
    @RequestLine("GET /v1/api/portfolio/{accountId}/positions/{page}")
    String positions(@Param("accountId") String accountId, @Param("page") int page);

    @RequestLine("GET /v1/api/portfolio/{accountId}/position/{conid}")
    String position(@Param("accountId") String accountId, @Param("conid") long conid);

    @RequestLine("POST /v1/api/portfolio/{accountId}/positions/invalidate")
    String invalidatePositions(@Param("accountId") String accountId, String emptyJson);

    /** Near-real-time positions (string conid, {@code description}, {@code marketPrice}). */
    @RequestLine("GET /v1/api/portfolio2/{accountId}/positions")
    String positionsRealtime(@Param("accountId") String accountId);
}
