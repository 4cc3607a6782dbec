package io.ibex.gateway;

import feign.Headers;
import feign.Param;
import feign.RequestLine;

/**
 * Order mutations, raw JSON. Built only with {@code Retryer.NEVER_RETRY}: nothing here is ever sent twice by a
 * library. One ticket at a time; answer questions at once (another order call in between voids them).
 */
@Headers({"Accept: */*", "Content-Type: application/json"})
public interface OrderApi {
    /** Body {@code {"orders":[{...}]}}. */
    @RequestLine("POST /v1/api/iserver/account/{accountId}/orders")
    String place(@Param("accountId") String accountId, String ordersJson);

    @RequestLine("POST /v1/api/iserver/account/{accountId}/orders/whatif")
    String whatIf(@Param("accountId") String accountId, String ordersJson);

    /** Body {@code {"confirmed":true}} or {@code false}. */
    @RequestLine("POST /v1/api/iserver/reply/{replyId}")
    String reply(@Param("replyId") String replyId, String confirmedJson);

    /** Body: ONE order object repeating every original field, changed values included. */
    @RequestLine("POST /v1/api/iserver/account/{accountId}/order/{orderId}")
    String modify(@Param("accountId") String accountId, @Param("orderId") String orderId, String orderJson);

    @RequestLine("DELETE /v1/api/iserver/account/{accountId}/order/{orderId}")
    String cancel(@Param("accountId") String accountId, @Param("orderId") String orderId);

    /** Body {@code {"messageIds":[...]}}; lasts one brokerage session. */
    @RequestLine("POST /v1/api/iserver/questions/suppress")
    String suppress(String body);
}
