package vn.dvk.locality;

import java.util.List;

/**
 * What an import did, or would do in a dry run.
 *
 * @param layout which of the two official layouts the header matched
 * @param committed whether the changes were written (false for a dry run and for a file with rejected rows)
 * @param changes the units created or updated, in file order (the preview shows them)
 * @param ignoredColumns header cells that match no known column
 */
public record ImportReport(String layout, int rows, int created, int updated, int unchanged, List<Rejected> rejected,
		List<Change> changes, List<String> ignoredColumns, boolean committed) {

	public boolean hasErrors() {
		return !rejected.isEmpty();
	}

	/** A row that cannot be imported, with every reason found. */
	public record Rejected(int row, List<Message> errors) {
	}

	/** A unit the import creates or renames. */
	public record Change(int row, String code, String name, UnitType type, String parentCode, boolean created,
			String previousName) {
	}

}
