package vn.dvk.registry;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javax.imageio.ImageIO;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

import vn.dvk.documents.FileContent;
import vn.dvk.shared.UserFacingException;

/**
 * Evidence files, checked by their bytes (JPEG, PNG, WebP or PDF, whatever the name says), limited in size, stored
 * in the database (so every node of a cluster can serve them, and backups carry them), with a JPEG thumbnail for
 * photos.
 */
@Component
class EvidenceStore {

	static final int THUMBNAIL_WIDTH = 480;

	private final JdbcClient jdbc;

	private final RegistrySettings settings;

	EvidenceStore(JdbcClient jdbc, RegistrySettings settings) {
		this.jdbc = jdbc;
		this.settings = settings;
	}

	/** A decoded, checked upload ready to store. */
	record Checked(String contentType, byte[] content, byte[] thumbnail, Integer width, Integer height, String sha256) {
	}

	Checked check(byte[] bytes) {
		if (bytes == null || bytes.length == 0) {
			throw UserFacingException.badRequest("registry.evidence.empty");
		}
		long max = settings.evidenceMaxSize().toBytes();
		if (bytes.length > max) {
			throw UserFacingException.badRequest("registry.evidence.tooLarge", max / (1024 * 1024));
		}
		FileContent kind = FileContent.detect(bytes);
		String type = switch (kind) {
			case JPEG -> "image/jpeg";
			case PNG -> "image/png";
			case WEBP -> "image/webp";
			case PDF -> "application/pdf";
			default -> throw UserFacingException.badRequest("registry.evidence.type");
		};
		byte[] thumbnail = null;
		Integer width = null;
		Integer height = null;
		if (type.startsWith("image/")) {
			BufferedImage image = decode(bytes);
			width = image.getWidth();
			height = image.getHeight();
			thumbnail = thumbnail(image);
		}
		return new Checked(type, bytes, thumbnail, width, height, sha256(bytes));
	}

	long store(long modelId, String filename, Checked c, String caption, String actor) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into registry_evidence (model_id, filename, content_type, size_bytes, sha256, content, thumbnail,
				    width, height, caption, created_at, created_by)
				values (:model, :filename, :type, :size, :sha, :content, :thumb, :w, :h, :caption, :at, :actor)""")
			.param("model", modelId)
			.param("filename", cleanFilename(filename))
			.param("type", c.contentType())
			.param("size", c.content().length)
			.param("sha", c.sha256())
			.param("content", c.content())
			.param("thumb", c.thumbnail())
			.param("w", c.width())
			.param("h", c.height())
			.param("caption", caption == null || caption.isBlank() ? null : caption.strip())
			.param("at", Timestamp.from(Instant.now()))
			.param("actor", actor)
			.update(keys, "id");
		long id = keys.getKey().longValue();
		if (c.contentType().startsWith("image/")) {
			jdbc.sql("update registry_model set cover_evidence_id = :e where id = :m and cover_evidence_id is null")
				.param("e", id)
				.param("m", modelId)
				.update();
		}
		return id;
	}

	List<Evidence> list(long modelId) {
		return jdbc.sql("""
				select id, model_id, filename, content_type, size_bytes, width, height, caption, created_at, created_by
				from registry_evidence where model_id = :m order by id""")
			.param("m", modelId)
			.query((rs, n) -> new Evidence(rs.getLong("id"), rs.getLong("model_id"), rs.getString("filename"),
					rs.getString("content_type"), rs.getLong("size_bytes"), (Integer) rs.getObject("width", Integer.class),
					(Integer) rs.getObject("height", Integer.class), rs.getString("caption"),
					rs.getTimestamp("created_at").toInstant(), rs.getString("created_by")))
			.list();
	}

	Optional<Evidence> find(long id) {
		return jdbc.sql("""
				select id, model_id, filename, content_type, size_bytes, width, height, caption, created_at, created_by
				from registry_evidence where id = :id""")
			.param("id", id)
			.query((rs, n) -> new Evidence(rs.getLong("id"), rs.getLong("model_id"), rs.getString("filename"),
					rs.getString("content_type"), rs.getLong("size_bytes"), (Integer) rs.getObject("width", Integer.class),
					(Integer) rs.getObject("height", Integer.class), rs.getString("caption"),
					rs.getTimestamp("created_at").toInstant(), rs.getString("created_by")))
			.optional();
	}

	/** The stored bytes, or the thumbnail when asked and present. */
	Optional<byte[]> bytes(long id, boolean thumbnail) {
		return jdbc.sql("select " + (thumbnail ? "coalesce(thumbnail, content)" : "content")
				+ " from registry_evidence where id = :id")
			.param("id", id)
			.query((rs, n) -> rs.getBytes(1))
			.optional();
	}

	void delete(long modelId, long id) {
		jdbc.sql("update registry_model set cover_evidence_id = null where id = :m and cover_evidence_id = :e")
			.param("m", modelId)
			.param("e", id)
			.update();
		jdbc.sql("delete from registry_evidence where id = :id and model_id = :m").param("id", id).param("m", modelId)
			.update();
		jdbc.sql("""
				update registry_model set cover_evidence_id = (select min(e.id) from registry_evidence e
				    where e.model_id = :m and e.content_type like 'image/%')
				where id = :m and cover_evidence_id is null""")
			.param("m", modelId)
			.update();
	}

	private static BufferedImage decode(byte[] bytes) {
		return vn.dvk.documents.Images.decode(bytes)
			.orElseThrow(() -> UserFacingException.badRequest("registry.evidence.brokenImage"));
	}

	static byte[] thumbnail(BufferedImage image) {
		return vn.dvk.documents.Images.jpeg(image, THUMBNAIL_WIDTH);
	}

	private static String sha256(byte[] bytes) {
		return vn.dvk.documents.Images.sha256(bytes);
	}

	/** The file's name without a path, at most 200 characters, never empty. */
	static String cleanFilename(String name) {
		String n = name == null ? "" : name.replace('\\', '/');
		n = n.substring(n.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "").strip();
		if (n.isEmpty()) {
			n = "minh-chung";
		}
		return n.length() > 200 ? n.substring(n.length() - 200) : n;
	}

	static String extension(String contentType) {
		return switch (contentType.toLowerCase(Locale.ROOT)) {
			case "image/jpeg" -> "jpg";
			case "image/png" -> "png";
			case "image/webp" -> "webp";
			default -> "pdf";
		};
	}

}
