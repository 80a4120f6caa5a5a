package vn.dvk.locality;

import org.springframework.context.ApplicationEventPublisher;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.dvk.system.AuditLog;
import vn.dvk.documents.TabularFile;
import vn.dvk.shared.UserFacingException;
import vn.dvk.shared.VietnameseText;

/**
 * Imports the official lists of administrative units in their two layouts:
 * <ol>
 * <li>the 2025 list: {@code Stt, Mã số, Tên đơn vị hành chính, Tỉnh (thành phố)}; a row with a 2-digit code and no
 * province is a province, other rows are communes of the named province;</li>
 * <li>the older web export: {@code Mã, Tên, Tên Tiếng Anh, Cấp, Mã QH, Quận Huyện, Mã TP, Tỉnh / Thành Phố}; the
 * district and province a row names are created when missing (matched by code, never renamed by it).</li>
 * </ol>
 * A run either writes everything or nothing: with any rejected row nothing is written. Re-importing the same file
 * changes nothing; a changed name updates the unit and keeps the former name in its history.
 */
@Component
class LocalityImporter {

	private final ApplicationEventPublisher events;

	static final String LAYOUT_2025 = "2025";

	static final String LAYOUT_LEGACY = "legacy";

	static final Pattern DIGITS = Pattern.compile("\\d+");

	static final int MAX_NAME = 150;

	private static final int MAX_CHANGES_SHOWN = 500;

	private final JdbcClient jdbc;

	private final JdbcTemplate jdbcTemplate;

	private final AuditLog audit;

	private final LocalitySettings settings;

	LocalityImporter(JdbcClient jdbc, JdbcTemplate jdbcTemplate, AuditLog audit, LocalitySettings settings, ApplicationEventPublisher events) {
		this.events = events;
		this.jdbc = jdbc;
		this.jdbcTemplate = jdbcTemplate;
		this.audit = audit;
		this.settings = settings;
	}

	/** Must run inside a transaction when {@code commit} is true. */
	ImportReport run(byte[] content, String filename, LocalDate validFrom, boolean commit) {
		long max = settings.importMaxSize().toBytes();
		if (content.length > max) {
			throw UserFacingException.badRequest("locality.import.tooLarge", megabytes(content.length),
					megabytes(max));
		}
		TabularFile table = TabularFile.read(content, settings.importMaxRows());
		Columns columns = Columns.detect(table.headers());
		if (table.lines().isEmpty()) {
			throw UserFacingException.badRequest("locality.import.noRows");
		}
		ImportPlan plan = new ImportPlan(loadCurrentUnits(), jdbc, jdbcTemplate);
		for (TabularFile.Line line : table.lines()) {
			if (columns.layout.equals(LAYOUT_2025)) {
				plan.read2025(line, columns);
			}
			else {
				plan.readLegacy(line, columns);
			}
		}
		plan.resolve();
		List<ImportReport.Rejected> rejected = plan.rejected();
		boolean write = commit && rejected.isEmpty();
		if (write) {
			plan.write(validFrom);
			publicContentChanged();
			audit.record("UNITS_IMPORTED", "administrative_unit", null,
					"file: \"" + filename + "\"; created: " + plan.created + "; updated: " + plan.updated
							+ "; unchanged: " + plan.unchanged);
		}
		List<ImportReport.Change> shown = plan.changes.size() > MAX_CHANGES_SHOWN
				? plan.changes.subList(0, MAX_CHANGES_SHOWN) : plan.changes;
		return new ImportReport(columns.layout, table.lines().size(), plan.created, plan.updated, plan.unchanged,
				rejected, List.copyOf(shown), columns.ignored, write);
	}

	private Map<String, Existing> loadCurrentUnits() {
		LocalDate today = vn.dvk.shared.VietnameseFormats.today();
		Map<String, Existing> byCode = new HashMap<>();
		jdbc.sql("""
				select id, code, name, english_name, type, parent_id from administrative_unit
				where valid_from <= :today and (valid_to is null or valid_to >= :today)""")
			.param("today", Date.valueOf(today))
			.query(rs -> {
				byCode.put(rs.getString("code"),
						new Existing(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
								rs.getString("english_name"), UnitType.valueOf(rs.getString("type")),
								(Long) rs.getObject("parent_id", Long.class)));
			});
		return byCode;
	}

	private static String megabytes(long bytes) {
		return String.format(Locale.ROOT, "%.1f", bytes / (1024.0 * 1024.0)).replace('.', ',');
	}

	/** A header cell reduced to letters, digits and single spaces, without diacritics. */
	static String headerKey(String header) {
		return VietnameseText.fold(header).replaceAll("[^a-z0-9]+", " ").trim();
	}

	/** Province names compared without their "Tỉnh"/"Thành phố" prefix. */
	static String provinceKey(String name) {
		String f = VietnameseText.fold(name).replaceAll("[^a-z0-9]+", " ").trim();
		for (String prefix : new String[] { "thanh pho truc thuoc trung uong ", "thanh pho ", "tinh ", "tp " }) {
			if (f.startsWith(prefix)) {
				return f.substring(prefix.length());
			}
		}
		return f;
	}

	record Existing(long id, String code, String name, String englishName, UnitType type, Long parentId) {
	}

	/** Column positions for the layout the header matches. */
	static final class Columns {

		final String layout;

		final Map<String, Integer> index;

		final List<String> ignored;

		private Columns(String layout, Map<String, Integer> index, List<String> ignored) {
			this.layout = layout;
			this.index = index;
			this.ignored = ignored;
		}

		int of(String key) {
			return index.getOrDefault(key, -1);
		}

		static Columns detect(List<String> headers) {
			Map<String, Integer> keys = new LinkedHashMap<>();
			for (int i = 0; i < headers.size(); i++) {
				keys.putIfAbsent(headerKey(headers.get(i)), i);
			}
			List<String> layout2025 = List.of("ma so", "ten don vi hanh chinh", "tinh thanh pho");
			List<String> optional2025 = List.of("stt");
			List<String> legacy = List.of("ma", "ten", "cap", "ma tp", "tinh thanh pho");
			List<String> optionalLegacy = List.of("ten tieng anh", "ma qh", "quan huyen");
			String layout;
			List<String> required;
			List<String> optional;
			if (keys.containsKey("ma so") || keys.containsKey("ten don vi hanh chinh")) {
				layout = LAYOUT_2025;
				required = layout2025;
				optional = optional2025;
			}
			else if (keys.containsKey("ma") && keys.containsKey("cap")) {
				layout = LAYOUT_LEGACY;
				required = legacy;
				optional = optionalLegacy;
			}
			else {
				throw UserFacingException.badRequest("locality.import.unknownLayout", String.join(", ", headers));
			}
			List<String> missing = required.stream().filter(k -> !keys.containsKey(k)).toList();
			if (!missing.isEmpty()) {
				throw UserFacingException.badRequest("locality.import.missingColumns",
						String.join(", ", missing.stream().map(Columns::display).toList()));
			}
			List<String> ignored = new ArrayList<>();
			for (int i = 0; i < headers.size(); i++) {
				String key = headerKey(headers.get(i));
				if (!required.contains(key) && !optional.contains(key) && !headers.get(i).isBlank()) {
					ignored.add(headers.get(i));
				}
			}
			return new Columns(layout, keys, ignored);
		}

		/** The official spelling of a column, for messages. */
		static String display(String key) {
			return switch (key) {
				case "ma so" -> "Mã số";
				case "ten don vi hanh chinh" -> "Tên đơn vị hành chính";
				case "tinh thanh pho" -> "Tỉnh (thành phố) / Tỉnh / Thành Phố";
				case "ma" -> "Mã";
				case "ten" -> "Tên";
				case "cap" -> "Cấp";
				case "ma tp" -> "Mã TP";
				default -> key;
			};
		}

	}

	/** A unit the file describes, explicitly (a row) or implicitly (a legacy row's district and province). */
	static final class Candidate {

		final int row;

		final String code;

		final String name;

		final String englishName;

		final UnitType type;

		final String parentCode;

		final String provinceName;

		final boolean implied;

		Long parentId;

		String resolvedParentCode;

		Candidate(int row, String code, String name, String englishName, UnitType type, String parentCode,
				String provinceName, boolean implied) {
			this.row = row;
			this.code = code;
			this.name = name;
			this.englishName = englishName;
			this.type = type;
			this.parentCode = parentCode;
			this.provinceName = provinceName;
			this.implied = implied;
		}

	}

	/** Names of units, organizations and lists show on public pages: their cached copies start again. */
	private void publicContentChanged() {
		vn.dvk.shared.AfterCommit.run(() -> events.publishEvent(new vn.dvk.system.PublicContentChanged("locality")));
	}

}
