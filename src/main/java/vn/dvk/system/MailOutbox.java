package vn.dvk.system;

import vn.dvk.shared.AfterCommit;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Outgoing e-mail. {@link #enqueue} writes the message in the caller's transaction, so a message exists exactly
 * when what caused it was committed; it is then sent at once on this node and retried with growing pauses when the
 * SMTP server fails. A node claims a row for a while before sending it, so two nodes never send the same message.
 * <p>
 * The SMTP server is Spring's own {@code spring.mail.*} settings ({@code SPRING_MAIL_HOST}, {@code _PORT},
 * {@code _USERNAME}, {@code _PASSWORD}); without one, messages are written to the log (development) and marked
 * so in the table.
 */
@Service
public class MailOutbox implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(MailOutbox.class);

	private static final int MAX_ATTEMPTS = 8;

	private final JdbcClient jdbc;

	private final ObjectProvider<JavaMailSender> sender;

	private final String from;

	private final String fromName;

	private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
		Thread t = new Thread(r, "dvk-mail");
		t.setDaemon(true);
		return t;
	});

	private final AtomicBoolean queued = new AtomicBoolean();

	MailOutbox(JdbcClient jdbc, ObjectProvider<JavaMailSender> sender,
			@Value("${dvk.mail.from:no-reply@localhost}") String from, SiteSettings site) {
		this.jdbc = jdbc;
		this.sender = sender;
		this.from = from;
		this.fromName = site.name();
	}

	/** Adds a plain-text message; it leaves after the current transaction commits. */
	public void enqueue(String recipient, String subject, String body) {
		Instant now = Instant.now();
		jdbc.sql("insert into mail_outbox (recipient, subject, body, created_at, next_attempt_at) values (?, ?, ?, ?, ?)")
			.params(recipient, subject, body, java.sql.Timestamp.from(now), java.sql.Timestamp.from(now))
			.update();
		AfterCommit.run(this::wake);
	}

	/** Messages not sent yet (tests and the health of the mail queue). */
	public long pending() {
		return jdbc.sql("select count(*) from mail_outbox where sent_at is null and attempts < ?")
			.params(MAX_ATTEMPTS)
			.query(Long.class)
			.single();
	}

	private void wake() {
		if (queued.compareAndSet(false, true)) {
			worker.execute(() -> {
				queued.set(false);
				sendDue();
			});
		}
	}

	/** Sends what is due; also the retry loop. */
	@Scheduled(fixedDelayString = "${dvk.mail.retry-check:PT15S}", initialDelayString = "PT20S")
	public void sendDue() {
		try {
			Instant now = Instant.now();
			List<Long> due = jdbc
				.sql("select id from mail_outbox where sent_at is null and attempts < ? and next_attempt_at <= ? "
						+ "and (claimed_until is null or claimed_until < ?) order by id limit 50")
				.params(MAX_ATTEMPTS, java.sql.Timestamp.from(now), java.sql.Timestamp.from(now))
				.query(Long.class)
				.list();
			for (Long id : due) {
				send(id);
			}
		}
		catch (RuntimeException ex) {
			log.warn("Mail outbox could not be read: {}", ex.getMessage());
		}
	}

	private void send(long id) {
		Instant now = Instant.now();
		int claimed = jdbc
			.sql("update mail_outbox set claimed_until = ?, attempts = attempts + 1 where id = ? and sent_at is null "
					+ "and (claimed_until is null or claimed_until < ?)")
			.params(java.sql.Timestamp.from(now.plus(Duration.ofMinutes(2))), id, java.sql.Timestamp.from(now))
			.update();
		if (claimed == 0) {
			return; // another node has it
		}
		record Message(String recipient, String subject, String body, int attempts) {
		}
		Message m = jdbc.sql("select recipient, subject, body, attempts from mail_outbox where id = ?")
			.params(id)
			.query((rs, n) -> new Message(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4)))
			.single();
		JavaMailSender mail = sender.getIfAvailable();
		try {
			if (mail == null) {
				log.warn("No SMTP server configured (spring.mail.host); mail to {} not sent:\n{}\n\n{}", m.recipient(),
						m.subject(), m.body());
				finish(id, "no SMTP server configured; written to the log");
				return;
			}
			MimeMessage message = mail.createMimeMessage();
			MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
			helper.setFrom(new InternetAddress(from, fromName, "UTF-8"));
			helper.setTo(m.recipient());
			helper.setSubject(m.subject());
			helper.setText(m.body(), false);
			mail.send(message);
			finish(id, null);
		}
		catch (Exception ex) {
			String error = String.valueOf(ex.getMessage());
			log.warn("Mail {} to {} failed (attempt {}): {}", id, m.recipient(), m.attempts(), error);
			Instant next = Instant.now().plus(Duration.ofMinutes(Math.min(60, 1L << Math.min(6, m.attempts()))));
			jdbc.sql("update mail_outbox set claimed_until = null, next_attempt_at = ?, last_error = ? where id = ?")
				.params(java.sql.Timestamp.from(next), error.length() > 500 ? error.substring(0, 500) : error, id)
				.update();
		}
	}

	private void finish(long id, String note) {
		jdbc.sql("update mail_outbox set sent_at = ?, claimed_until = null, last_error = ? where id = ?")
			.params(java.sql.Timestamp.from(Instant.now()), note, id)
			.update();
	}

	@Override
	public void destroy() {
		worker.shutdownNow();
	}

}
