package vn.dvk.registry;

import java.time.Instant;

/** A message on a registration: staff asking for changes, the unit answering. */
public record ModelComment(long id, String author, boolean staff, String body, Instant createdAt) {
}
