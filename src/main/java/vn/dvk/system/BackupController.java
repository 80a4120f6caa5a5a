package vn.dvk.system;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

import javax.sql.DataSource;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.dvk.system.AuditLog;
import vn.dvk.shared.UserFacingException;

/**
 * Online backup of the embedded H2 database (scripts/backup.sh calls it while the application runs, since the
 * database file is locked by it): H2's own {@code SCRIPT … COMPRESSION ZIP}, a consistent SQL dump of every table,
 * uploads included (they are stored in the database). PostgreSQL is backed up with pg_dump instead.
 */
@RestController
@Tag(name = "Quản trị")
class BackupController {

	private final DataSource dataSource;

	private final AuditLog audit;

	BackupController(DataSource dataSource, AuditLog audit) {
		this.dataSource = dataSource;
		this.audit = audit;
	}

	@Operation(summary = "Sao lưu cơ sở dữ liệu H2 (tệp SQL nén ZIP); PostgreSQL dùng pg_dump")
	@PostMapping("/api/v1/admin/backup")
	void backup(HttpServletResponse response) throws IOException, SQLException {
		Path file = Files.createTempFile("dvk-backup-", ".zip");
		try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
			if (!c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("h2")) {
				throw new UserFacingException(HttpStatus.CONFLICT, "backup.usePgDump");
			}
			Files.delete(file);
			// The path is ours (a temporary file), never the caller's.
			s.execute("SCRIPT TO '" + file.toAbsolutePath().toString().replace("'", "''") + "' COMPRESSION ZIP");
			audit.record("BACKUP", "database", null, "h2: " + Files.size(file) + " bytes");
			response.setContentType("application/zip");
			response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"dvk-"
					+ LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".sql.zip\"");
			response.setContentLengthLong(Files.size(file));
			try (InputStream in = Files.newInputStream(file)) {
				in.transferTo(response.getOutputStream());
			}
		}
		finally {
			Files.deleteIfExists(file);
		}
	}

}
