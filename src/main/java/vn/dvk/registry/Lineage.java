package vn.dvk.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.dvk.shared.UserFacingException;

/**
 * Replication: "model B replicates model A". Each model has at most one original, so replications form trees.
 * The spread of a model is the number of distinct communes (localities) and of distinct organizations that run it or
 * any replica of it, transitively (rejected and discontinued ones no longer run); it is stored on every model and recomputed up the tree when a link changes.
 */
@Component
class Lineage {

	/** Deep enough for any real chain; guards the walks against corrupted data. */
	private static final int MAX_DEPTH = 50;

	private final JdbcClient jdbc;

	private final ModelCatalogue catalogue;

	Lineage(JdbcClient jdbc, ModelCatalogue catalogue) {
		this.catalogue = catalogue;
		this.jdbc = jdbc;
	}

	/** Makes {@code replicaId} a replica of {@code originalId}, refusing self-links and cycles. */
	void link(long replicaId, long originalId) {
		if (replicaId == originalId) {
			throw UserFacingException.badRequest("registry.replication.self");
		}
		if (ancestors(originalId).contains(replicaId)) {
			throw UserFacingException.badRequest("registry.replication.cycle");
		}
		Long previous = parentOf(replicaId);
		catalogue.touched(replicaId);
		jdbc.sql("update registry_model set replica_of = :o where id = :r").param("o", originalId)
			.param("r", replicaId)
			.update();
		refresh(originalId);
		if (previous != null && previous != originalId) {
			refresh(previous);
		}
	}

	void unlink(long replicaId) {
		Long previous = parentOf(replicaId);
		jdbc.sql("update registry_model set replica_of = null where id = :r").param("r", replicaId).update();
		catalogue.touched(replicaId);
		if (previous != null) {
			refresh(previous);
		}
	}

	Long parentOf(long id) {
		return jdbc.sql("select replica_of from registry_model where id = :id")
			.param("id", id)
			.query((rs, n) -> (Long) rs.getObject(1, Long.class))
			.optional()
			.orElse(null);
	}

	/** The model itself, then its original, the original's original, and so on. */
	List<Long> ancestors(long id) {
		List<Long> chain = new ArrayList<>();
		Long current = id;
		while (current != null && chain.size() < MAX_DEPTH && !chain.contains(current)) {
			chain.add(current);
			current = parentOf(current);
		}
		return chain;
	}

	/** Recomputes replica counts and spreads of the model and of everything above it. */
	void refresh(long id) {
		for (long m : ancestors(id)) {
			catalogue.touched(m);
			List<Long> subtree = subtree(m);
			int[] spread = jdbc
				.sql("select count(distinct locality_id), count(distinct organization_id) from registry_model"
						+ " where id in (:ids) and status not in ('REJECTED', 'DISCONTINUED')")
				.param("ids", subtree)
				.query((rs, n) -> new int[] { rs.getInt(1), rs.getInt(2) })
				.single();
			jdbc.sql("""
					update registry_model set spread_localities = :l, spread_organizations = :o,
					    replica_count = (select count(*) from registry_model c where c.replica_of = :m)
					where id = :m""")
				.param("l", spread[0])
				.param("o", spread[1])
				.param("m", m)
				.update();
		}
	}

	/** The model and every replica below it. */
	List<Long> subtree(long id) {
		return jdbc.sql("""
				with recursive tree(id, depth) as (
				    select id, 0 from registry_model where id = :root
				    union all
				    select c.id, t.depth + 1 from registry_model c join tree t on c.replica_of = t.id where t.depth < 50)
				select id from tree""")
			.param("root", id)
			.query(Long.class)
			.list();
	}

	/** The whole tree the model belongs to, from its root original. */
	LineageNode tree(long id) {
		List<Long> up = ancestors(id);
		long root = up.get(up.size() - 1);
		List<Object[]> rows = jdbc.sql("""
				with recursive tree(id, depth) as (
				    select id, 0 from registry_model where id = :root
				    union all
				    select c.id, t.depth + 1 from registry_model c join tree t on c.replica_of = t.id where t.depth < 50)
				select m.id, m.name, m.slug, m.status, m.replica_of, u.name as locality_name, o.name as org_name
				from registry_model m
				join tree t on t.id = m.id
				join unit_directory u on u.id = m.locality_id
				join organization_directory o on o.id = m.organization_id
				order by t.depth, m.id""")
			.param("root", root)
			.query((rs, n) -> new Object[] { rs.getLong("id"), rs.getString("name"), rs.getString("slug"),
					ModelStatus.valueOf(rs.getString("status")), (Long) rs.getObject("replica_of", Long.class),
					rs.getString("locality_name"), rs.getString("org_name") })
			.list();
		Map<Long, List<Long>> children = new HashMap<>();
		Map<Long, Object[]> byId = new HashMap<>();
		for (Object[] r : rows) {
			byId.put((Long) r[0], r);
			if (r[4] != null) {
				children.computeIfAbsent((Long) r[4], k -> new ArrayList<>()).add((Long) r[0]);
			}
		}
		return node(root, byId, children, 0);
	}

	private LineageNode node(long id, Map<Long, Object[]> byId, Map<Long, List<Long>> children, int depth) {
		Object[] r = byId.get(id);
		List<LineageNode> replicas = new ArrayList<>();
		if (depth < MAX_DEPTH) {
			for (long c : children.getOrDefault(id, List.of())) {
				replicas.add(node(c, byId, children, depth + 1));
			}
		}
		return new LineageNode(id, (String) r[1], (String) r[2], (ModelStatus) r[3], (String) r[5], (String) r[6],
				replicas);
	}

}
