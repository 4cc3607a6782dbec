package io.ibex.gateway;

import feign.Headers;
import feign.Param;
import feign.RequestLine;

/** Order reads (idempotent GETs), raw JSON. Live orders and trades allow 1 request per 5 s. */
@Headers({"Accept: */*"})
public interface OrderQueryApi {
    /** {@code force=true} clears the cache and answers an empty list by design; call again afterwards. */
    @RequestLine("GET /v1/api/iserver/account/orders?force={force}&filters={filters}")
    String liveOrders(@Param("force") Boolean force, @Param(value = "filters", encoded = true) String filters);

    @RequestLine("GET /v1/api/iserver/account/order/status/{orderId}")
    String orderStatus(@Param("orderId") String orderId);

    @RequestLine("GET /v1/api/iserver/account/trades?days={days}")
    String trades(@Param("days") Integer days);
}
