package vn.dvk.contest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import vn.dvk.judging.Aggregation;
import vn.dvk.judging.Panel;

/** The contest's public value types. */
public final class ContestRecords {

	private ContestRecords() {
	}

	public enum Status {

		/** Open for entries until the closing day. */
		OPEN,
		/** Entries closed; rounds are being judged. */
		JUDGING,
		/** Results published. */
		FINISHED

	}

	public enum Stage {

		PRELIMINARY, FINAL

	}

	public enum EntryStatus {

		SUBMITTED, ELIGIBLE, INELIGIBLE

	}

	public record Prize(long id, long categoryId, String code, String name, int places, long amount, int given) {
	}

	public record Category(long id, String name, List<Prize> prizes) {
	}

	public record Contest(long id, String name, String rules, String phase, LocalDate publishedFrom,
			LocalDate publishedTo, LocalDate entriesClose, int maxFileMb, Status status, boolean resultsPublic,
			List<Category> categories, int version) {

		public boolean acceptsEntries(LocalDate today) {
			return status == Status.OPEN && !today.isAfter(entriesClose);
		}

	}

	/** A round of the contest; its jury's work is its judging panel's. */
	public record Round(long id, long contestId, Stage stage, String name, LocalDate startsOn, LocalDate endsOn,
			Panel panel) {

		public boolean open() {
			return panel.open();
		}

		public String status() {
			return panel.open() ? "OPEN" : "CLOSED";
		}

		public long templateId() {
			return panel.templateId();
		}

		public Aggregation.Method decidingMethod() {
			return panel.decidingMethod();
		}

		public boolean blind() {
			return panel.blind();
		}

		public long panelId() {
			return panel.id();
		}

	}

	public record Author(String fullName, String penName) {

		/** As printed: the pen name when there is one. */
		public String byline() {
			return penName == null || penName.isBlank() ? fullName : penName;
		}

	}

	public record FileRef(long id, String fileName, String contentType, long sizeBytes) {
	}

	public record Entry(long id, long contestId, long categoryId, String category, String title, List<Author> authors,
			String outlet, LocalDate publishedOn, String link, String summary, EntryStatus status,
			String ineligibleReason, Stage stage, Long prizeId, List<Long> modelIds, List<FileRef> files,
			long submittedBy, Instant createdAt) {

		public String authorsLine() {
			return String.join(", ", authors.stream().map(Author::byline).toList());
		}

	}

	/** An upload: its name, the type the browser claimed, and its bytes. */
	public record Upload(String fileName, String claimedType, byte[] bytes) {
	}

	/** What a journalist submits. */
	public record EntryDraft(long categoryId, String title, List<Author> authors, String outlet, LocalDate publishedOn,
			String link, String summary, List<Long> modelIds, List<Upload> files) {
	}

	/** One entry's line in a round's results: the three figures, the rank by the deciding method, ties broken. */
	public record ResultLine(long entryId, String title, String category, String authors, String outlet, int sheets,
			int expected, Aggregation.Figures figures, Integer rank, boolean advanced, Long prizeId) {

		public Double deciding(Aggregation.Method method) {
			return figures == null ? null : figures.by(method);
		}

	}

}
