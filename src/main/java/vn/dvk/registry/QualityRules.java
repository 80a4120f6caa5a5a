package vn.dvk.registry;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

import org.springframework.stereotype.Component;

import vn.dvk.shared.VietnameseFormats;

/**
 * Computes the quality flags of a model, for the badges a page shows and (through the catalogue) for list filters:
 * one rule in one place, so a badge and a filter never disagree.
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
		return flags(status, measurable, recognitionDate, lastResultDate, replicaCount, isThin(itemLengths),
				VietnameseFormats.today());
	}

	/** The flags as of a day, from the model's facts (the catalogue keeps these, not the texts). */
	Set<QualityFlag> flags(ModelStatus status, boolean measurable, LocalDate recognitionDate, LocalDate lastResultDate,
			int replicaCount, boolean thin, LocalDate today) {
		Set<QualityFlag> flags = EnumSet.noneOf(QualityFlag.class);
		if (!measurable) {
			flags.add(QualityFlag.NO_MEASURABLE_OUTPUT);
		}
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
		if (thin) {
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

}
