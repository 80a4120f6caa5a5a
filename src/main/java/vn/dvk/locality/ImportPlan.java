package vn.dvk.locality;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.dvk.documents.TabularFile;
import vn.dvk.locality.LocalityImporter.Candidate;
import vn.dvk.locality.LocalityImporter.Columns;
import vn.dvk.locality.LocalityImporter.Existing;
import vn.dvk.shared.VietnameseCollation;
import vn.dvk.shared.VietnameseText;
import vn.dvk.system.AuditLog;

/**
 * One import of administrative units as it is worked out: the rows read (2025 layout or the older one), their
 * codes, names, types and parents checked, what is new, changed or unchanged, the row errors, and the writing.
 */
/** What the file asks for, checked against the database and against itself. */
final class ImportPlan {

	private final JdbcClient jdbc;

	private final JdbcTemplate jdbcTemplate;

	final Map<String, Existing> existing;

	final Map<String, Candidate> byCode = new LinkedHashMap<>();

	final Map<Integer, List<Message>> errors = new LinkedHashMap<>();

	final List<ImportReport.Change> changes = new ArrayList<>();

	final List<Candidate> toCreate = new ArrayList<>();

	final List<Object[]> toUpdate = new ArrayList<>();

	int created;

	int updated;

	int unchanged;

	ImportPlan(Map<String, Existing> existing, JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
		this.existing = existing;
		this.jdbc = jdbc;
		this.jdbcTemplate = jdbcTemplate;
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
		else if (name.length() > LocalityImporter.MAX_NAME) {
			error(row, "locality.import.row.nameTooLong", LocalityImporter.MAX_NAME);
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
		if (code == null || type == null || name.isEmpty() || name.length() > LocalityImporter.MAX_NAME || provinceCode == null) {
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
		String f = LocalityImporter.headerKey(level);
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
		if (!LocalityImporter.DIGITS.matcher(raw).matches() || raw.length() > 5) {
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
		if (name.length() > LocalityImporter.MAX_NAME) {
			error(row, "locality.import.row.nameTooLong", LocalityImporter.MAX_NAME);
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
			.forEach(e -> provinceCodeByKey.put(LocalityImporter.provinceKey(e.name()), e.code()));
		byCode.values()
			.stream()
			.filter(c -> c.type.isProvinceLevel() && !errors.containsKey(c.row))
			.forEach(c -> provinceCodeByKey.put(LocalityImporter.provinceKey(c.name), c.code));

		for (Candidate c : byCode.values()) {
			String parentCode = c.parentCode;
			if (c.provinceName != null) {
				parentCode = provinceCodeByKey.get(LocalityImporter.provinceKey(c.provinceName));
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
