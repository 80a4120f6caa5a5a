package vn.dvk.registry;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;

import vn.dvk.account.DvkUser;
import vn.dvk.shared.UserFacingException;

/**
 * Runs large imports in the background so the page can show a progress bar. The job's progress lives in the
 * database, written in its own short transactions while the import's single transaction is still open, so any node
 * can answer "how far is it?".
 */
@Component
class ImportJobs {

	private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);

	private final JdbcClient jdbc;

	private final TaskExecutor executor;

	private final TransactionTemplate importTx;

	private final TransactionTemplate progressTx;

	private final ModelImporter importer;

	private final JsonMapper json;

	ImportJobs(JdbcClient jdbc, @Qualifier("applicationTaskExecutor") TaskExecutor executor,
			PlatformTransactionManager transactions, ModelImporter importer,
			JsonMapper json) {
		this.jdbc = jdbc;
		this.executor = executor;
		this.importTx = new TransactionTemplate(transactions);
		this.progressTx = new TransactionTemplate(transactions);
		this.progressTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.importer = importer;
		this.json = json;
	}

	String start(DvkUser user, byte[] bytes, String filename, ImportMode mode, int expectedRows) {
		String id = UUID.randomUUID().toString();
		Timestamp now = Timestamp.from(Instant.now());
		jdbc.sql("""
				insert into registry_import_job (id, owner, filename, status, total, done, created_at, updated_at)
				values (:id, :owner, :filename, 'RUNNING', :total, 0, :at, :at)""")
			.param("id", id)
			.param("owner", user.getUsername())
			.param("filename", filename == null ? "" : filename)
			.param("total", expectedRows)
			.param("at", now)
			.update();
		executor.execute(() -> {
			try {
				ImportReport report = importTx.execute(status -> importer.run(user, bytes, filename, true, mode,
						done -> progressTx.executeWithoutResult(s -> progress(id, done))));
				finish(id, "DONE", json.writeValueAsString(report));
			}
			catch (UserFacingException ex) {
				finish(id, "FAILED", ex.messageKey());
			}
			catch (RuntimeException ex) {
				log.error("Import job {} failed", id, ex);
				finish(id, "FAILED", "error.500");
			}
		});
		return id;
	}

	private void progress(String id, int done) {
		jdbc.sql("update registry_import_job set done = :done, updated_at = :at where id = :id")
			.param("done", done)
			.param("at", Timestamp.from(Instant.now()))
			.param("id", id)
			.update();
	}

	private void finish(String id, String status, String report) {
		progressTx.executeWithoutResult(s -> jdbc
			.sql("update registry_import_job set status = :status, report = :report, done = total, updated_at = :at"
					+ " where id = :id")
			.param("status", status)
			.param("report", report)
			.param("at", Timestamp.from(Instant.now()))
			.param("id", id)
			.update());
	}

	Optional<ImportJob> find(String id, String owner) {
		return jdbc.sql("select * from registry_import_job where id = :id and owner = :owner")
			.param("id", id)
			.param("owner", owner)
			.query((rs, n) -> {
				String status = rs.getString("status");
				String report = rs.getString("report");
				ImportReport parsed = "DONE".equals(status) && report != null
						? json.readValue(report, ImportReport.class) : null;
				return new ImportJob(rs.getString("id"), rs.getString("filename"), status, rs.getInt("total"),
						rs.getInt("done"), parsed, "FAILED".equals(status) ? report : null);
			})
			.optional();
	}

}
