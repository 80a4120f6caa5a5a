package vn.dvk.documents;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Files kept between a preview (dry run) and the user's decision to commit, so the user does not upload twice.
 * They live in the database, not on a node's disk, so any node of a cluster can finish the work; they expire after
 * a day.
 */
@Service
public class StagedUploads {

	private static final Logger log = LoggerFactory.getLogger(StagedUploads.class);

	private static final Duration LIFETIME = Duration.ofDays(1);

	private final JdbcClient jdbc;

	StagedUploads(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional
	public String stage(String purpose, String owner, String filename, byte[] content) {
		String id = UUID.randomUUID().toString();
		jdbc.sql("""
				insert into staged_upload (id, purpose, owner, filename, content, size_bytes, created_at)
				values (:id, :purpose, :owner, :filename, :content, :size, :at)""")
			.param("id", id)
			.param("purpose", purpose)
			.param("owner", owner)
			.param("filename", filename == null ? "" : filename)
			.param("content", content)
			.param("size", content.length)
			.param("at", Timestamp.from(Instant.now()))
			.update();
		return id;
	}

	/** The staged file, only to the user who staged it and for the same purpose. */
	public Optional<Staged> find(String id, String purpose, String owner) {
		return jdbc.sql("""
				select id, filename, content from staged_upload
				where id = :id and purpose = :purpose and owner = :owner and created_at > :since""")
			.param("id", id)
			.param("purpose", purpose)
			.param("owner", owner)
			.param("since", Timestamp.from(Instant.now().minus(LIFETIME)))
			.query((rs, n) -> new Staged(rs.getString("id"), rs.getString("filename"), rs.getBytes("content")))
			.optional();
	}

	@Transactional
	public void discard(String id) {
		jdbc.sql("delete from staged_upload where id = :id").param("id", id).update();
	}

	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
	@net.javacrumbs.shedlock.spring.annotation.SchedulerLock(name = "uploads.purgeExpired")
	@Transactional
	public void purgeExpired() {
		int n = jdbc.sql("delete from staged_upload where created_at < :before")
			.param("before", Timestamp.from(Instant.now().minus(LIFETIME)))
			.update();
		if (n > 0) {
			log.info("Removed {} expired staged uploads", n);
		}
	}

	public record Staged(String id, String filename, byte[] content) {
	}

}
