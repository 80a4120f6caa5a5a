package vn.dvk.registry;

/** Published when a model is returned to its organization for revision, with what to fix. */
public record ModelReturned(long modelId, long organizationId, String name, String comment) {
}
