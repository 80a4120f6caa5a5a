package vn.dvk.locality;

import org.springframework.context.ApplicationEventPublisher;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.dvk.system.AuditLog;
import vn.dvk.documents.TabularFile;
import vn.dvk.shared.UserFacingException;
import vn.dvk.shared.VietnameseCollation;
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

	private static final Pattern DIGITS = Pattern.compile("\\d+");

	private static final int MAX_NAME = 150;

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
		Plan plan = new Plan(loadCurrentUnits());
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

	/** What the file asks for, checked against the database and against itself. */
	final class Plan {

		final Map<String, Existing> existing;

		final Map<String, Candidate> byCode = new LinkedHashMap<>();

		final Map<Integer, List<Message>> errors = new LinkedHashMap<>();

		final List<ImportReport.Change> changes = new ArrayList<>();

		final List<Candidate> toCreate = new ArrayList<>();

		final List<Object[]> toUpdate = new ArrayList<>();

		int created;

		int updated;

		int unchanged;

		Plan(Map<String, Existing> existing) {
			this.existing = existing;
		}

		void error(int row, String key, Object... args) {
			errors.computeIfAbsent(row, r -> new ArrayList<>()).add(new Message(key, args));
		}

		void read2025(TabularFile.Line line, Columns columns) {
			int row = line.number();
			String rawCode = line.cell(columns.of("ma so"));
			String name = line.cell(columns.of("ten don vi hanh chinh"));
			String province = line.cell(columns.of("tinh thanh pho"));
			boolean provinceRow = province.isEmpty();
			String code = code(row, rawCode, provinceRow ? 2 : 5, "Mã số");
			if (provinceRow && code != null && code.length() == 5) {
				error(row, "locality.import.row.provinceMissing");
				return;
			}
			UnitType type = typeOf(row, name, code);
			if (code == null || type == null) {
				return;
			}
			add(new Candidate(row, code, name, null, type, null, provinceRow ? null : province, false));
		}

		void readLegacy(TabularFile.Line line, Columns columns) {
			int row = line.number();
			String code = code(row, line.cell(columns.of("ma")), 5, "Mã");
			String name = line.cell(columns.of("ten"));
			String english = line.cell(columns.of("ten tieng anh"));
			String level = line.cell(columns.of("cap"));
			String districtCode = line.cell(columns.of("ma qh"));
			String districtName = line.cell(columns.of("quan huyen"));
			String provinceCode = code(row, line.cell(columns.of("ma tp")), 2, "Mã TP");
			String provinceName = line.cell(columns.of("tinh thanh pho"));
			UnitType type = legacyType(row, level);
			if (name.isEmpty()) {
				error(row, "locality.import.row.nameMissing");
			}
			else if (name.length() > MAX_NAME) {
				error(row, "locality.import.row.nameTooLong", MAX_NAME);
			}
			if (provinceCode != null && provinceName.isEmpty()) {
				error(row, "locality.import.row.provinceMissing");
			}
			String parentCode = provinceCode;
			if (!districtCode.isEmpty()) {
				String district = code(row, districtCode, 3, "Mã QH");
				if (district != null && provinceCode != null) {
					UnitType districtType = UnitType.fromName(districtName, 2).orElse(UnitType.DISTRICT);
					addImplied(new Candidate(row, district,
							districtName.isEmpty() ? district : districtName, null, districtType, provinceCode, null,
							true));
					parentCode = district;
				}
			}
			if (provinceCode != null && !provinceName.isEmpty()) {
				UnitType provinceType = UnitType.fromName(provinceName, 1).orElse(UnitType.PROVINCE);
				addImplied(new Candidate(row, provinceCode, provinceName, null, provinceType, null, null, true));
			}
			if (code == null || type == null || name.isEmpty() || name.length() > MAX_NAME || provinceCode == null) {
				return;
			}
			if (UnitType.levelOfCode(code) != type.level()) {
				error(row, "locality.import.row.codeLevel", code, level);
				return;
			}
			add(new Candidate(row, code, name, english.isEmpty() ? null : english, type,
					type.isProvinceLevel() ? null : parentCode, null, false));
		}

		private UnitType legacyType(int row, String level) {
			String f = headerKey(level);
			UnitType type = switch (f) {
				case "xa" -> UnitType.COMMUNE;
				case "phuong" -> UnitType.WARD;
				case "thi tran" -> UnitType.TOWNSHIP;
				case "dac khu" -> UnitType.SPECIAL_ZONE;
				case "quan", "huyen", "thi xa", "thanh pho thuoc tinh" -> UnitType.DISTRICT;
				case "tinh" -> UnitType.PROVINCE;
				case "thanh pho trung uong", "thanh pho truc thuoc trung uong" -> UnitType.CENTRAL_CITY;
				default -> null;
			};
			if (type == null) {
				error(row, "locality.import.row.levelUnknown", level);
			}
			return type;
		}

		/** A code of digits, padded with the zeros Excel drops from numeric cells. */
		private String code(int row, String raw, int width, String column) {
			if (raw.isEmpty()) {
				error(row, "locality.import.row.codeMissing", column);
				return null;
			}
			if (!DIGITS.matcher(raw).matches() || raw.length() > 5) {
				error(row, "locality.import.row.codeFormat", column, raw);
				return null;
			}
			String code = raw.length() < width ? "0".repeat(width - raw.length()) + raw : raw;
			if (UnitType.levelOfCode(code) == 0) {
				error(row, "locality.import.row.codeFormat", column, raw);
				return null;
			}
			return code;
		}

		private UnitType typeOf(int row, String name, String code) {
			if (name.isEmpty()) {
				error(row, "locality.import.row.nameMissing");
				return null;
			}
			if (name.length() > MAX_NAME) {
				error(row, "locality.import.row.nameTooLong", MAX_NAME);
				return null;
			}
			if (code == null) {
				return null;
			}
			Optional<UnitType> type = UnitType.fromName(name, UnitType.levelOfCode(code));
			if (type.isEmpty()) {
				error(row, "locality.import.row.typeUnknown", name);
				return null;
			}
			return type.get();
		}

		private void add(Candidate candidate) {
			Candidate earlier = byCode.get(candidate.code);
			if (earlier != null && !earlier.implied) {
				error(candidate.row, "locality.import.row.duplicateCode", candidate.code, earlier.row);
				return;
			}
			byCode.put(candidate.code, candidate);
		}

		private void addImplied(Candidate candidate) {
			byCode.putIfAbsent(candidate.code, candidate);
		}

		/** Finds each unit's parent and decides create / update / unchanged. */
		void resolve() {
			Map<String, String> provinceCodeByKey = new HashMap<>();
			existing.values()
				.stream()
				.filter(e -> e.type().isProvinceLevel())
				.forEach(e -> provinceCodeByKey.put(provinceKey(e.name()), e.code()));
			byCode.values()
				.stream()
				.filter(c -> c.type.isProvinceLevel() && !errors.containsKey(c.row))
				.forEach(c -> provinceCodeByKey.put(provinceKey(c.name), c.code));

			for (Candidate c : byCode.values()) {
				String parentCode = c.parentCode;
				if (c.provinceName != null) {
					parentCode = provinceCodeByKey.get(provinceKey(c.provinceName));
					if (parentCode == null) {
						error(c.row, "locality.import.row.provinceUnknown", c.provinceName);
						continue;
					}
				}
				Candidate parentInFile = parentCode == null ? null : byCode.get(parentCode);
				Existing parentInDb = parentCode == null ? null : existing.get(parentCode);
				if (parentCode != null && parentInFile == null && parentInDb == null) {
					error(c.row, "locality.import.row.parentUnknown", parentCode);
					continue;
				}
				c.parentId = parentInDb == null ? null : parentInDb.id();
				c.resolvedParentCode = parentCode;
				if (errors.containsKey(c.row) && !c.implied) {
					continue;
				}
				Existing current = existing.get(c.code);
				if (current == null) {
					toCreate.add(c);
					created++;
					changes.add(new ImportReport.Change(c.row, c.code, c.name, c.type, parentCode, true, null));
				}
				else if (c.implied) {
					// a district or province named by a legacy row: used as it is, never renamed by it
					continue;
				}
				else {
					boolean parentChanged = parentInDb != null && !Objects.equals(parentInDb.id(), current.parentId())
							|| parentInFile != null && parentInDb == null;
					boolean englishChanged = c.englishName != null && !c.englishName.equals(current.englishName());
					boolean renamed = !c.name.equals(current.name());
					if (renamed || parentChanged || englishChanged || c.type != current.type()) {
						toUpdate.add(new Object[] { current, c, parentCode });
						updated++;
						changes.add(new ImportReport.Change(c.row, c.code, c.name, c.type, parentCode, false,
								renamed ? current.name() : null));
					}
					else {
						unchanged++;
					}
				}
			}
		}

		List<ImportReport.Rejected> rejected() {
			return errors.entrySet()
				.stream()
				.sorted(Map.Entry.comparingByKey())
				.map(e -> new ImportReport.Rejected(e.getKey(), List.copyOf(e.getValue())))
				.toList();
		}

		/** Inserts level by level so each level finds its parents' ids, then applies the updates. */
		void write(LocalDate validFrom) {
			Timestamp now = Timestamp.from(Instant.now());
			Map<String, Long> ids = new HashMap<>();
			existing.values().forEach(e -> ids.put(e.code(), e.id()));
			toCreate.sort(Comparator.comparingInt(c -> c.type.level()));
			for (int level = 1; level <= 3; level++) {
				final int l = level;
				List<Object[]> batch = new ArrayList<>();
				for (Candidate c : toCreate) {
					if (c.type.level() != l) {
						continue;
					}
					Long parentId = c.parentId;
					if (parentId == null && c.resolvedParentCode != null) {
						parentId = ids.get(c.resolvedParentCode);
					}
					batch.add(new Object[] { c.code, VietnameseText.clean(c.name), VietnameseText.fold(c.name),
							c.englishName, c.type.name(), parentId, Date.valueOf(validFrom),
							VietnameseCollation.sortKey(c.name), now, now });
				}
				if (batch.isEmpty()) {
					continue;
				}
				jdbcTemplate.batchUpdate("""
						insert into administrative_unit (code, name, name_folded, english_name, type, parent_id,
						    valid_from, sort_key, version, created_at, updated_at)
						values (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)""", batch);
				jdbc.sql("select id, code from administrative_unit where type in (:types) and valid_from = :from")
					.param("types", java.util.Arrays.stream(UnitType.values())
						.filter(t -> t.level() == l)
						.map(Enum::name)
						.toList())
					.param("from", Date.valueOf(validFrom))
					.query(rs -> {
						ids.put(rs.getString("code"), rs.getLong("id"));
					});
			}
			List<Object[]> updates = new ArrayList<>();
			List<Object[]> history = new ArrayList<>();
			String actor = AuditLog.currentActor();
			for (Object[] u : toUpdate) {
				Existing current = (Existing) u[0];
				Candidate c = (Candidate) u[1];
				String parentCode = (String) u[2];
				Long parentId = parentCode == null ? null : ids.get(parentCode);
				updates.add(new Object[] { VietnameseText.clean(c.name), VietnameseText.fold(c.name),
						c.englishName == null ? current.englishName() : c.englishName, c.type.name(), parentId,
						VietnameseCollation.sortKey(c.name), now, current.id() });
				if (!c.name.equals(current.name())) {
					history.add(new Object[] { current.id(), current.name(), now, actor });
				}
			}
			if (!updates.isEmpty()) {
				jdbcTemplate.batchUpdate("""
						update administrative_unit set name = ?, name_folded = ?, english_name = ?, type = ?,
						    parent_id = ?, sort_key = ?, version = version + 1, updated_at = ?
						where id = ?""", updates);
			}
			if (!history.isEmpty()) {
				jdbcTemplate.batchUpdate("""
						insert into administrative_unit_name (unit_id, name, replaced_at, replaced_by)
						values (?, ?, ?, ?)""", history);
			}
		}

	}

	/** Names of units, organizations and lists show on public pages: their cached copies start again. */
	private void publicContentChanged() {
		vn.dvk.shared.AfterCommit.run(() -> events.publishEvent(new vn.dvk.system.PublicContentChanged("locality")));
	}

}
