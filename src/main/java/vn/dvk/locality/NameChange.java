package vn.dvk.locality;

import java.time.Instant;

/** A former name of a unit: what it was called until when, and who renamed it. */
public record NameChange(String name, Instant replacedAt, String replacedBy) {
}
