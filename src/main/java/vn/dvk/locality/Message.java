package vn.dvk.locality;

/** A message key with its arguments, resolved in the reader's language by the web layer. */
public record Message(String key, Object... arguments) {
}
