package vn.dvk.account;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.dvk.system.MailOutbox;
import vn.dvk.shared.PageResult;
import vn.dvk.system.SiteSettings;

/**
 * In-app notifications (the bell: unread count, list, mark as read) and the e-mail that follows each user's chosen
 * frequency: at once, in one daily digest, or never. A notification is always stored; e-mail is extra.
 */
@Service
public class NotificationService {

	/** How often a user wants notifications by e-mail. */
	public enum EmailFrequency {

		IMMEDIATE, DAILY, NONE

	}

	public record Notification(long id, String title, String body, String link, Instant createdAt, boolean read) {
	}

	private final JdbcClient jdbc;

	private final MailOutbox mail;

	private final SiteSettings site;

	NotificationService(JdbcClient jdbc, MailOutbox mail, SiteSettings site) {
		this.jdbc = jdbc;
		this.mail = mail;
		this.site = site;
	}

	/** Notifies one user; mails at once when the user chose so and has an address. */
	@Transactional
	public void notify(long userId, String title, String body, String link) {
		record Recipient(String email, String frequency) {
		}
		Recipient r = jdbc.sql("select email, email_frequency from app_user where id = ? and enabled = true")
			.params(userId)
			.query((rs, n) -> new Recipient(rs.getString(1), rs.getString(2)))
			.optional()
			.orElse(null);
		if (r == null) {
			return;
		}
		boolean mailNow = r.email() != null && !r.email().isBlank() && "IMMEDIATE".equals(r.frequency());
		boolean mailLater = r.email() != null && !r.email().isBlank() && "DAILY".equals(r.frequency());
		jdbc.sql("insert into notification (user_id, title, body, link, created_at, emailed) values (?, ?, ?, ?, ?, ?)")
			.params(userId, cut(title, 300), body == null ? null : cut(body, 2000), link, Timestamp.from(Instant.now()),
					!mailLater)
			.update();
		if (mailNow) {
			mail.enqueue(r.email(), title, mailBody(body, link));
		}
	}

	/**
	 * Notifies the officers of an organization (enabled users of it holding the OFFICER role) and returns how many
	 * were notified.
	 */
	@Transactional
	public int notifyOrganization(long organizationId, String title, String body, String link) {
		List<Long> officers = officers(organizationId);
		officers.forEach(id -> notify(id, title, body, link));
		return officers.size();
	}

	/** The officers of an organization: who files its plans and reports, and who is reminded. */
	public List<Long> officers(long organizationId) {
		return jdbc.sql("select u.id from app_user u join app_user_role r on r.user_id = u.id and r.role = 'OFFICER' "
				+ "where u.organization_id = ? and u.enabled = true order by u.id")
			.params(organizationId)
			.query(Long.class)
			.list();
	}

	public long unread(long userId) {
		return jdbc.sql("select count(*) from notification where user_id = ? and read_at is null")
			.params(userId)
			.query(Long.class)
			.single();
	}

	/** A user's notifications, newest first. */
	public PageResult<Notification> list(long userId, PageResult.Request page) {
		long total = jdbc.sql("select count(*) from notification where user_id = ?").params(userId).query(Long.class).single();
		List<Notification> items = jdbc
			.sql("select id, title, body, link, created_at, read_at from notification where user_id = ? "
					+ "order by created_at desc, id desc offset " + page.offset() + " rows fetch next " + page.size()
					+ " rows only")
			.params(userId)
			.query((rs, n) -> new Notification(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getTimestamp(5).toInstant(), rs.getTimestamp(6) != null))
			.list();
		return new PageResult<>(items, total, page.page(), page.size());
	}

	/** Marks one of the user's notifications read (someone else's is left alone) and returns its link. */
	@Transactional
	public String markRead(long userId, long notificationId) {
		jdbc.sql("update notification set read_at = ? where id = ? and user_id = ? and read_at is null")
			.params(Timestamp.from(Instant.now()), notificationId, userId)
			.update();
		return jdbc.sql("select link from notification where id = ? and user_id = ?")
			.params(notificationId, userId)
			.query(String.class)
			.optional()
			.orElse(null);
	}

	@Transactional
	public int markAllRead(long userId) {
		return jdbc.sql("update notification set read_at = ? where user_id = ? and read_at is null")
			.params(Timestamp.from(Instant.now()), userId)
			.update();
	}

	public EmailFrequency emailFrequency(long userId) {
		return jdbc.sql("select email_frequency from app_user where id = ?")
			.params(userId)
			.query(String.class)
			.optional()
			.map(EmailFrequency::valueOf)
			.orElse(EmailFrequency.IMMEDIATE);
	}

	@Transactional
	public void setEmailFrequency(long userId, EmailFrequency frequency) {
		jdbc.sql("update app_user set email_frequency = ? where id = ?").params(frequency.name(), userId).update();
		if (frequency != EmailFrequency.DAILY) {
			// nothing waits for a digest any more
			jdbc.sql("update notification set emailed = true where user_id = ? and emailed = false").params(userId).update();
		}
	}

	/**
	 * The daily digest: one e-mail per user who chose it, listing what arrived since the last one. Each
	 * notification is claimed (emailed = false → true) before it is mailed, so two nodes running this at once
	 * cannot both send it; ShedLock normally keeps it to one node anyway.
	 */
	@Scheduled(cron = "${dvk.notifications.digest-cron:0 0 7 * * *}", zone = "Asia/Ho_Chi_Minh")
	@net.javacrumbs.shedlock.spring.annotation.SchedulerLock(name = "notifications-digest")
	public void dailyDigest() {
		sendDigests();
	}

	/** Sends the digests now (each claim commits on its own, so a digest is never sent twice); how many went out. */
	public int sendDigests() {
		Map<Long, List<Notification>> byUser = new LinkedHashMap<>();
		Map<Long, String> emails = new LinkedHashMap<>();
		jdbc.sql("select n.id, n.user_id, u.email, n.title, n.body, n.link, n.created_at from notification n "
				+ "join app_user u on u.id = n.user_id where n.emailed = false order by n.user_id, n.created_at")
			.query(rs -> {
				byUser.computeIfAbsent(rs.getLong(2), k -> new ArrayList<>())
					.add(new Notification(rs.getLong(1), rs.getString(4), rs.getString(5), rs.getString(6),
							rs.getTimestamp(7).toInstant(), false));
				emails.put(rs.getLong(2), rs.getString(3));
			});
		int sent = 0;
		for (Map.Entry<Long, List<Notification>> e : byUser.entrySet()) {
			List<Notification> mine = new ArrayList<>();
			for (Notification n : e.getValue()) {
				if (jdbc.sql("update notification set emailed = true where id = ? and emailed = false")
					.params(n.id())
					.update() == 1) {
					mine.add(n);
				}
			}
			String email = emails.get(e.getKey());
			if (mine.isEmpty() || email == null || email.isBlank()) {
				continue;
			}
			StringBuilder body = new StringBuilder("Thông báo mới trên " + site.name() + ":\n\n");
			for (Notification n : mine) {
				body.append("• ").append(n.title()).append('\n');
				if (n.body() != null) {
					body.append("  ").append(n.body()).append('\n');
				}
				if (n.link() != null) {
					body.append("  ").append(site.absolute(n.link())).append('\n');
				}
			}
			mail.enqueue(email, "Thông báo trong ngày (" + mine.size() + ")", body.toString());
			sent++;
		}
		return sent;
	}

	private String mailBody(String body, String link) {
		StringBuilder b = new StringBuilder(body == null ? "" : body);
		if (link != null) {
			b.append("\n\n").append(site.absolute(link));
		}
		b.append("\n\n—\n").append(site.name());
		return b.toString();
	}

	private static String cut(String s, int max) {
		return s.length() <= max ? s : s.substring(0, max - 1) + "…";
	}

}
