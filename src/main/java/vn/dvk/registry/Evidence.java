package vn.dvk.registry;

import java.time.Instant;

/** A file attached to a model as evidence: a photo (with a thumbnail) or a PDF. */
public record Evidence(long id, long modelId, String filename, String contentType, long sizeBytes, Integer width,
		Integer height, String caption, Instant createdAt, String createdBy) {

	public boolean image() {
		return contentType.startsWith("image/");
	}

}
