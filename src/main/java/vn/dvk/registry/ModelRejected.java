package vn.dvk.registry;

/** Published when a model is rejected (not recognized), with the reason. */
public record ModelRejected(long modelId, String reason) {
}
