package vn.dvk.registry;

import java.util.List;

/**
 * What an import of models did, or would do in a dry run.
 *
 * @param imported models created
 * @param updated existing models (same name, organization and start year) whose content changed: a new version
 * @param unchanged existing models the file repeats as they are
 * @param committed whether anything was written
 */
public record ImportReport(int rows, int imported, int updated, int unchanged, List<RowError> rejected,
		List<String> ignoredColumns, boolean committed) {

	/** A problem in one cell (or one row when {@code column} is null), as message keys with arguments. */
	public record RowError(int row, String column, List<Problem> errors) {
	}

	public record Problem(String key, Object... arguments) {
	}

	public boolean hasErrors() {
		return !rejected.isEmpty();
	}

}
