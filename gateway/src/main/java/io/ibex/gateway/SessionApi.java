package io.ibex.gateway;

import feign.Headers;
import feign.RequestLine;

/** Session routes, raw JSON in and out. Body-less POSTs take {@code "{}"} (a POST without a body gets 411). */
@Headers({"Accept: */*", "Content-Type: application/json"})
public interface SessionApi {
    @RequestLine("POST /v1/api/tickle")
    String tickle(String emptyJson);

    @RequestLine("POST /v1/api/iserver/auth/status")
    String authStatus(String emptyJson);

    /** Body {@code {"publish":true,"compete":true}}. */
    @RequestLine("POST /v1/api/iserver/auth/ssodh/init")
    String ssodhInit(String body);

    @RequestLine("POST /v1/api/iserver/reauthenticate")
    String reauthenticate(String emptyJson);

    @RequestLine("POST /v1/api/logout")
    String logout(String emptyJson);

    @RequestLine("GET /v1/api/sso/validate")
    String ssoValidate();
}
