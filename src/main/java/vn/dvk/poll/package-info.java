/**
 * Polls (bình chọn): options (free text or a registry model), who may vote (an account, or any device), how often
 * (once, or once a day), results visibility, and exactly one counted ballot per identity per poll (or per day),
 * guarded by a unique constraint and handled idempotently; cached tallies.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Polls")
package vn.dvk.poll;
