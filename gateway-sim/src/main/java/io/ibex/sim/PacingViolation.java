package io.ibex.sim;

/** A request that broke a pacing limit: the bucket ({@code "global"} or a path template) and its limit. */
public record PacingViolation(String bucket, String path, int limit, long windowMillis, long atNanos) {}
