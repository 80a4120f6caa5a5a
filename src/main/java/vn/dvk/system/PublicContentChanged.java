package vn.dvk.system;

import vn.dvk.shared.AfterCommit;

/**
 * Something visitors can see has changed (a model, a name, a setting): public pages rendered before it are stale.
 * Publish it once the change is committed ({@link AfterCommit}), never before: a page rendered between the event and
 * the commit would be kept with the old content.
 *
 * In cluster mode the event also reaches the other nodes ({@link PublicContentRelay}), where it arrives with
 * {@code remote} set.
 *
 * @param source what changed, for logs (e.g. {@code registry}, {@code organization})
 * @param remote whether another node published it
 */
public record PublicContentChanged(String source, boolean remote) {

	public PublicContentChanged(String source) {
		this(source, false);
	}

}
