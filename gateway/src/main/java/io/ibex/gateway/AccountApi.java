package io.ibex.gateway;

import feign.Headers;
import feign.RequestLine;

/** Brokerage accounts, raw JSON. {@code GET /iserver/accounts} must come first after every (re)login. */
@Headers({"Accept: */*", "Content-Type: application/json"})
public interface AccountApi {
    @RequestLine("GET /v1/api/iserver/accounts")
    String accounts();

    /** Body {@code {"acctId":"..."}}: switches the active account. */
    @RequestLine("POST /v1/api/iserver/account")
    String selectAccount(String body);
}
