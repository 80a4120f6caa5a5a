package vn.dvk.registry;

/** Published when a submitted model is rejected (không công nhận), with the reason. */
public record ModelRejected(long modelId, long organizationId, String name, String reason) {
}
