package vn.dvk.registry;

import java.util.List;

/** A model in a replication tree, with the models that replicate it. */
public record LineageNode(long id, String name, String slug, ModelStatus status, String localityName,
		String organizationName, List<LineageNode> replicas) {

	public String publicPath() {
		return "/mo-hinh/" + slug + "-" + id;
	}

}
