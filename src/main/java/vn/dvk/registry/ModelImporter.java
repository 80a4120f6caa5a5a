package vn.dvk.registry;

import vn.dvk.registry.ImportWriter.Candidate;
import vn.dvk.registry.ImportWriter.Existing;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;

import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.dvk.account.AccessPolicy;
import vn.dvk.account.DvkUser;
import vn.dvk.account.Ownership;
import vn.dvk.locality.Locality;
import vn.dvk.locality.LocalityService;
import vn.dvk.locality.OrganizationService;
import vn.dvk.locality.OrganizationView;
import vn.dvk.documents.TabularFile;
import vn.dvk.shared.UserFacingException;
import vn.dvk.shared.VietnameseFormats;
import vn.dvk.shared.VietnameseText;

/**
 * Imports models from the XLSX/CSV files offices send (columns in {@link ImportColumns}). Every row is checked
 * first, with the row number, the column and a reason for each problem; then, depending on the mode, nothing or
 * the valid rows are written. Rows land as submitted, or as recognized when they carry a recognition date and
 * decision number (historical data). The same name + organization + start year is the same model: re-importing
 * updates it with a new version when its content changed, and leaves it alone otherwise.
 * <p>
 * Written for volume: look-ups are loaded once per file, versions, transitions and search entries go in batches.
 */
@Component
class ModelImporter {

	private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("d/M/uuuu");

	private final JdbcClient jdbc;

	private final Catalogues catalogues;

	private final LocalityService localities;

	private final OrganizationService organizations;

	private final AccessPolicy access;

	private final RegistrySettings settings;

	private final ImportWriter writer;

	ModelImporter(JdbcClient jdbc, Catalogues catalogues, LocalityService localities,
			OrganizationService organizations, AccessPolicy access, RegistrySettings settings, ImportWriter writer) {
		this.jdbc = jdbc;
		this.catalogues = catalogues;
		this.localities = localities;
		this.organizations = organizations;
		this.access = access;
		this.settings = settings;
		this.writer = writer;
	}

	/** Must run inside a transaction when {@code commit} is true. */
	ImportReport run(DvkUser user, byte[] bytes, String filename, boolean commit, ImportMode mode,
			IntConsumer progress) {
		long max = settings.importMaxSize().toBytes();
		if (bytes.length > max) {
			throw UserFacingException.badRequest("registry.import.tooLarge", max / (1024 * 1024));
		}
		TabularFile table = TabularFile.read(bytes, settings.importMaxRows());
		Map<ImportColumns, Integer> columns = new LinkedHashMap<>();
		List<String> ignored = new ArrayList<>();
		for (int i = 0; i < table.headers().size(); i++) {
			String header = table.headers().get(i);
			String key = ImportColumns.key(header);
			ImportColumns match = null;
			for (ImportColumns c : ImportColumns.values()) {
				if (c.key().equals(key)) {
					match = c;
				}
			}
			if (match == null) {
				if (!header.isBlank()) {
					ignored.add(header);
				}
			}
			else {
				columns.putIfAbsent(match, i);
			}
		}
		List<String> missing = new ArrayList<>();
		for (ImportColumns c : ImportColumns.values()) {
			if (c.required() && !columns.containsKey(c)) {
				missing.add(c.header());
			}
		}
		if (!missing.isEmpty()) {
			throw UserFacingException.badRequest("registry.import.missingColumns", String.join("; ", missing));
		}
		if (table.lines().isEmpty()) {
			throw UserFacingException.badRequest("registry.import.noRows");
		}

		// Look-ups for the whole file, each in one query.
		Set<String> codes = new LinkedHashSet<>();
		Set<String> orgNames = new LinkedHashSet<>();
		for (TabularFile.Line line : table.lines()) {
			codes.add(padCode(cell(line, columns, ImportColumns.LOCALITY)));
			orgNames.add(VietnameseText.fold(cell(line, columns, ImportColumns.ORGANIZATION)));
		}
		Map<String, Locality> units = localities.findCurrent(codes);
		Map<String, List<OrganizationView>> orgsByName = new HashMap<>();
		for (OrganizationView o : organizations.findByFoldedNames(orgNames)) {
			orgsByName.computeIfAbsent(VietnameseText.fold(o.name()), k -> new ArrayList<>()).add(o);
		}
		Map<String, Boolean> allowed = new HashMap<>();

		Map<Integer, Map<String, List<ImportReport.Problem>>> problems = new LinkedHashMap<>();
		List<Candidate> candidates = new ArrayList<>();
		Map<String, Integer> seen = new HashMap<>();
		for (TabularFile.Line line : table.lines()) {
			Candidate c = check(line, columns, units, orgsByName, allowed, user, problems);
			if (c == null) {
				continue;
			}
			Integer earlier = seen.putIfAbsent(c.identity(), c.row());
			if (earlier != null) {
				problem(problems, c.row(), ImportColumns.NAME, "registry.import.duplicateRow", earlier);
				continue;
			}
			candidates.add(c);
		}

		Map<String, Existing> existing = writer.existing(candidates);
		int created = 0;
		int updated = 0;
		int unchanged = 0;
		for (Candidate c : candidates) {
			Existing e = existing.get(c.identity());
			if (e == null) {
				created++;
			}
			else if (ImportWriter.changed(e, c)) {
				updated++;
			}
			else {
				unchanged++;
			}
		}
		List<ImportReport.RowError> rejected = new ArrayList<>();
		problems.forEach((row, byColumn) -> byColumn
			.forEach((column, list) -> rejected.add(new ImportReport.RowError(row, column, List.copyOf(list)))));
		boolean write = commit && (rejected.isEmpty() || mode == ImportMode.VALID_ROWS) && !candidates.isEmpty();
		if (write) {
			writer.write(user, candidates, existing, filename, progress);
		}
		else if (commit && !rejected.isEmpty()) {
			created = 0;
			updated = 0;
			unchanged = 0;
		}
		return new ImportReport(table.lines().size(), created, updated, unchanged, rejected, ignored, write);
	}

	private static String cell(TabularFile.Line line, Map<ImportColumns, Integer> columns, ImportColumns c) {
		Integer i = columns.get(c);
		return i == null ? "" : line.cell(i);
	}

	private static void problem(Map<Integer, Map<String, List<ImportReport.Problem>>> problems, int row,
			ImportColumns column, String key, Object... args) {
		problems.computeIfAbsent(row, r -> new LinkedHashMap<>())
			.computeIfAbsent(column.header(), k -> new ArrayList<>())
			.add(new ImportReport.Problem(key, args));
	}

	private Candidate check(TabularFile.Line line, Map<ImportColumns, Integer> columns, Map<String, Locality> units,
			Map<String, List<OrganizationView>> orgsByName, Map<String, Boolean> allowed, DvkUser user,
			Map<Integer, Map<String, List<ImportReport.Problem>>> problems) {
		int row = line.number();
		int before = problems.containsKey(row) ? problems.get(row).size() : 0;
		String name = VietnameseText.clean(cell(line, columns, ImportColumns.NAME));
		if (name == null || name.isEmpty()) {
			problem(problems, row, ImportColumns.NAME, "registry.import.required");
		}
		else if (name.length() > 300) {
			problem(problems, row, ImportColumns.NAME, "validation.tooLong", 300);
		}
		String kindText = ImportColumns.key(cell(line, columns, ImportColumns.KIND));
		ModelKind kind = switch (kindText) {
			case "mo hinh" -> ModelKind.MODEL;
			case "dien hinh" -> ModelKind.EXEMPLAR;
			default -> null;
		};
		if (kind == null) {
			problem(problems, row, ImportColumns.KIND, "registry.import.kind", cell(line, columns, ImportColumns.KIND));
		}
		String subjectText = ImportColumns.key(cell(line, columns, ImportColumns.SUBJECT));
		SubjectType subject = switch (subjectText) {
			case "", "tap the" -> SubjectType.COLLECTIVE;
			case "ca nhan" -> SubjectType.INDIVIDUAL;
			default -> null;
		};
		if (subject == null) {
			problem(problems, row, ImportColumns.SUBJECT, "registry.import.subject",
					cell(line, columns, ImportColumns.SUBJECT));
		}
		String fieldText = cell(line, columns, ImportColumns.FIELD);
		CatalogueEntry field = fieldText.isEmpty() ? null
				: catalogues.match(CatalogueEntry.FIELD, fieldText).orElse(null);
		if (field == null) {
			problem(problems, row, ImportColumns.FIELD, "registry.import.field", fieldText);
		}
		String code = padCode(cell(line, columns, ImportColumns.LOCALITY));
		Locality locality = units.get(code);
		if (locality == null) {
			problem(problems, row, ImportColumns.LOCALITY, "registry.import.locality",
					cell(line, columns, ImportColumns.LOCALITY));
		}
		String orgText = cell(line, columns, ImportColumns.ORGANIZATION);
		OrganizationView org = null;
		List<OrganizationView> sameName = orgsByName.getOrDefault(VietnameseText.fold(orgText), List.of());
		if (orgText.isEmpty() || sameName.isEmpty()) {
			problem(problems, row, ImportColumns.ORGANIZATION, "registry.import.organization", orgText);
		}
		else {
			org = sameName.get(0);
			if (sameName.size() > 1 && locality != null) {
				for (OrganizationView o : sameName) {
					if (localities.isWithin(locality.id(), o.localityId())) {
						org = o;
					}
				}
			}
		}
		if (org != null && locality != null) {
			OrganizationView o = org;
			boolean ok = allowed.computeIfAbsent(o.id() + "|" + locality.id(),
					k -> access.canChange(user, new Ownership(o.id(), locality.id())));
			if (!ok) {
				problem(problems, row, ImportColumns.ORGANIZATION, "registry.import.outOfScope", orgText);
			}
		}
		int thisYear = VietnameseFormats.today().getYear();
		Integer startYear = null;
		String yearText = cell(line, columns, ImportColumns.START_YEAR);
		try {
			startYear = Integer.parseInt(yearText.trim());
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		if (startYear == null || startYear < 1990 || startYear > thisYear + 1) {
			problem(problems, row, ImportColumns.START_YEAR, "registry.import.startYear", yearText, thisYear + 1);
			startYear = null;
		}
		String phase = cell(line, columns, ImportColumns.PHASE).replace('–', '-').replace(" ", "");
		if (phase.isEmpty() && startYear != null) {
			int from = startYear <= 2020 ? 2016 + ((startYear - 2016) / 5) * 5 : 2021 + ((startYear - 2021) / 5) * 5;
			phase = from + "-" + (from + 4);
		}
		if (!phase.isEmpty() && !phase.matches("\\d{4}-\\d{4}")) {
			problem(problems, row, ImportColumns.PHASE, "registry.phase.format");
		}
		String[] items = new String[ContentItem.values().length];
		for (ImportColumns c : ImportColumns.values()) {
			ContentItem item = c.item();
			if (item != null) {
				String v = cell(line, columns, c);
				if (v.length() > ContentItem.MAX_LENGTH) {
					problem(problems, row, c, "validation.tooLong", ContentItem.MAX_LENGTH);
				}
				items[item.ordinal()] = v.isEmpty() ? null : v;
			}
		}
		String dateText = cell(line, columns, ImportColumns.RECOGNITION_DATE);
		String decision = cell(line, columns, ImportColumns.RECOGNITION_DECISION);
		LocalDate recognitionDate = null;
		if (!dateText.isEmpty()) {
			recognitionDate = parseDate(dateText);
			if (recognitionDate == null || recognitionDate.isAfter(VietnameseFormats.today())) {
				problem(problems, row, ImportColumns.RECOGNITION_DATE, "registry.import.date", dateText);
				recognitionDate = null;
			}
		}
		if (!dateText.isEmpty() && decision.isEmpty()) {
			problem(problems, row, ImportColumns.RECOGNITION_DECISION, "registry.import.decisionMissing");
		}
		if (dateText.isEmpty() && !decision.isEmpty()) {
			problem(problems, row, ImportColumns.RECOGNITION_DATE, "registry.import.dateMissing");
		}
		if (decision.length() > 60) {
			problem(problems, row, ImportColumns.RECOGNITION_DECISION, "validation.tooLong", 60);
		}
		RecognitionLevel level = null;
		String levelText = ImportColumns.key(cell(line, columns, ImportColumns.RECOGNITION_LEVEL));
		if (!levelText.isEmpty()) {
			level = switch (levelText) {
				case "cap xa", "xa" -> RecognitionLevel.COMMUNE;
				case "cap tinh", "tinh" -> RecognitionLevel.PROVINCE;
				case "cap trung uong", "trung uong" -> RecognitionLevel.CENTRAL;
				default -> null;
			};
			if (level == null) {
				problem(problems, row, ImportColumns.RECOGNITION_LEVEL, "registry.import.level",
						cell(line, columns, ImportColumns.RECOGNITION_LEVEL));
			}
		}
		int after = problems.containsKey(row) ? problems.get(row).size() : 0;
		if (after > before || problems.containsKey(row)) {
			return null;
		}
		if (level == null && locality != null) {
			level = locality.type().isProvinceLevel() ? RecognitionLevel.PROVINCE : RecognitionLevel.COMMUNE;
		}
		ModelContent content = new ModelContent(items[0], items[1], items[2], items[3], items[4], items[5], items[6],
				items[7], items[8]);
		return new Candidate(row, name, kind, subject, field, org, locality, startYear, phase, content,
				recognitionDate, recognitionDate == null ? null : decision, recognitionDate == null ? null : level);
	}

	/** Codes as text, with the leading zeros Excel drops from numeric cells put back. */
	static String padCode(String raw) {
		String s = raw == null ? "" : raw.trim();
		if (s.matches("\\d{1,2}")) {
			return s.length() == 1 ? "0" + s : s;
		}
		if (s.matches("\\d{3,4}")) {
			return "0".repeat(5 - s.length()) + s;
		}
		return s;
	}

	/** dd/MM/yyyy (with or without zeros), ISO yyyy-MM-dd, or an Excel date serial number. */
	static LocalDate parseDate(String text) {
		String t = text.trim();
		try {
			if (t.matches("\\d{1,2}/\\d{1,2}/\\d{4}")) {
				return LocalDate.parse(t, DMY);
			}
			if (t.matches("\\d{4}-\\d{2}-\\d{2}")) {
				return LocalDate.parse(t);
			}
			if (t.matches("\\d{5}(\\.\\d+)?")) {
				double serial = Double.parseDouble(t);
				if (serial > 20000 && serial < 80000) {
					return LocalDate.of(1899, 12, 30).plusDays((long) serial);
				}
			}
		}
		catch (DateTimeParseException ex) {
			return null;
		}
		return null;
	}


}
