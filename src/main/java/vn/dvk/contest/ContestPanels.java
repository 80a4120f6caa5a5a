package vn.dvk.contest;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.dvk.account.AccountService;
import vn.dvk.account.Permission;
import vn.dvk.account.UserView;
import vn.dvk.judging.ConflictKind;
import vn.dvk.judging.Member;
import vn.dvk.judging.Panel;
import vn.dvk.judging.PanelOwner;
import vn.dvk.shared.VietnameseText;

/**
 * What contest juries judge: entries. A juror is conflicted automatically on an entry they submitted or wrote (an
 * author of the same name, compared folded), and on entries of the outlet they work at.
 */
@Component
class ContestPanels implements PanelOwner {

	private final JdbcClient jdbc;

	private final AccountService accounts;

	ContestPanels(JdbcClient jdbc, AccountService accounts) {
		this.jdbc = jdbc;
		this.accounts = accounts;
	}

	@Override
	public String kind() {
		return ContestService.KIND;
	}

	@Override
	public Permission runs() {
		return Permission.RUN_CONTEST;
	}

	@Override
	public Permission sits() {
		return Permission.SIT_ON_JURY;
	}

	@Override
	public Map<String, ConflictKind> automaticConflicts(Panel panel, Map<Long, Member> members,
			Collection<Long> subjects) {
		Map<Long, String> names = new HashMap<>();
		accounts.findAll(members.keySet()).values().forEach(u -> names.put(u.id(), VietnameseText.fold(u.fullName())));
		record Work(long id, long submittedBy, String outlet) {
		}
		List<Work> works = jdbc.sql("select id, submitted_by, outlet_folded from contest_entry where id in (:ids)")
			.param("ids", subjects)
			.query((rs, n) -> new Work(rs.getLong(1), rs.getLong(2), rs.getString(3)))
			.list();
		Map<Long, List<String>> authors = new HashMap<>();
		jdbc.sql("select entry_id, name_folded from contest_entry_author where entry_id in (:ids)")
			.param("ids", subjects)
			.query(rs -> {
				authors.computeIfAbsent(rs.getLong(1), k -> new java.util.ArrayList<>()).add(rs.getString(2));
			});
		Map<String, ConflictKind> found = new HashMap<>();
		for (Member m : members.values()) {
			String name = names.get(m.userId());
			String outlet = m.affiliation() == null ? null : VietnameseText.fold(m.affiliation());
			for (Work w : works) {
				String key = m.userId() + ":" + w.id();
				if (w.submittedBy() == m.userId() || (name != null && authors.getOrDefault(w.id(), List.of()).contains(name))) {
					found.put(key, ConflictKind.AUTO_AUTHOR);
				}
				else if (outlet != null && outlet.equals(w.outlet())) {
					// compared folded, so "Báo Sơn Hà" and "báo sơn hà" are the same outlet
					found.put(key, ConflictKind.AUTO_OUTLET);
				}
			}
		}
		return found;
	}

	@Override
	public String subjectName(long subjectId) {
		return jdbc.sql("select title from contest_entry where id = ?").params(subjectId).query(String.class).optional()
			.orElse("#" + subjectId);
	}

	@Override
	public String panelName(Panel panel) {
		return jdbc.sql("select r.name || ' – ' || c.name from contest_round r join contest c on c.id = r.contest_id "
				+ "where r.id = ?").params(panel.ownerId()).query(String.class).optional().orElse("#" + panel.ownerId());
	}

	@Override
	public String panelPath(Panel panel) {
		return "/quan-tri/cuoc-thi/vong/" + panel.ownerId();
	}

}
