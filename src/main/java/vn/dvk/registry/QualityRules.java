package vn.dvk.registry;

import java.sql.Date;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

import org.springframework.stereotype.Component;

import vn.dvk.shared.VietnameseFormats;

/**
 * Computes the quality flags of a model, in Java for what a page shows and as SQL for list filters; both read the
 * same settings, so a badge and a filter never disagree.
 */
@Component
class QualityRules {

	private final RegistrySettings settings;

	QualityRules(RegistrySettings settings) {
		this.settings = settings;
	}

	Set<QualityFlag> flags(ModelStatus status, boolean measurable, LocalDate recognitionDate, LocalDate lastResultDate,
			int replicaCount, ModelContent content) {
		return flags(status, measurable, recognitionDate, lastResultDate, replicaCount, lengths(content));
	}

	/** @param itemLengths the trimmed length of each {@link ContentItem}, in declaration order */
	Set<QualityFlag> flags(ModelStatus status, boolean measurable, LocalDate recognitionDate, LocalDate lastResultDate,
			int replicaCount, int[] itemLengths) {
		Set<QualityFlag> flags = EnumSet.noneOf(QualityFlag.class);
		if (!measurable) {
			flags.add(QualityFlag.NO_MEASURABLE_OUTPUT);
		}
		LocalDate today = VietnameseFormats.today();
		if (status.isRecognized() && recognitionDate != null) {
			LocalDate lastNews = lastResultDate != null && lastResultDate.isAfter(recognitionDate) ? lastResultDate
					: recognitionDate;
			if (lastNews.isBefore(today.minus(settings.staleAfter()))) {
				flags.add(QualityFlag.STALE_RESULTS);
			}
			if (replicaCount == 0 && recognitionDate.isBefore(today.minus(settings.replicationExpectedWithin()))) {
				flags.add(QualityFlag.NEVER_REPLICATED);
			}
		}
		if (isThin(itemLengths)) {
			flags.add(QualityFlag.THIN_CONTENT);
		}
		return flags;
	}

	static int[] lengths(ModelContent content) {
		ContentItem[] items = ContentItem.values();
		int[] lengths = new int[items.length];
		for (int i = 0; i < items.length; i++) {
			String v = content.get(items[i]);
			lengths[i] = v == null ? 0 : v.strip().length();
		}
		return lengths;
	}

	boolean isThin(int[] itemLengths) {
		ContentItem[] items = ContentItem.values();
		for (int i = 0; i < items.length; i++) {
			if (itemLengths[i] < settings.minLength().get(items[i])) {
				return true;
			}
		}
		return false;
	}

	/** The SQL condition (on alias {@code m}) selecting models with the flag; adds its parameters. */
	String condition(QualityFlag flag, Map<String, Object> params) {
		LocalDate today = VietnameseFormats.today();
		String recognized = "m.status in ('RECOGNIZED', 'MAINTAINED', 'REPLICATED', 'COMMENDED')";
		return switch (flag) {
			case NO_MEASURABLE_OUTPUT -> "m.measurable = false";
			case STALE_RESULTS -> {
				params.put("qStaleBefore", Date.valueOf(today.minus(settings.staleAfter())));
				yield "(" + recognized + " and m.recognition_date is not null and "
						+ "coalesce(m.last_result_date, m.recognition_date) < :qStaleBefore "
						+ "and m.recognition_date < :qStaleBefore)";
			}
			case NEVER_REPLICATED -> {
				params.put("qReplicationBefore", Date.valueOf(today.minus(settings.replicationExpectedWithin())));
				yield "(" + recognized + " and m.replica_count = 0 and m.recognition_date < :qReplicationBefore)";
			}
			case THIN_CONTENT -> {
				StringJoiner any = new StringJoiner(" or ", "(", ")");
				for (ContentItem item : ContentItem.values()) {
					params.put("qMin" + item.name(), settings.minLength().get(item));
					any.add("length(trim(coalesce(m." + item.column() + ", ''))) < :qMin" + item.name());
				}
				yield any.toString();
			}
		};
	}

}
