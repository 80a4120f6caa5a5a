package vn.dvk.news;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import vn.dvk.system.PublicContentChanged;
import vn.dvk.search.SearchIndex;
import vn.dvk.search.TextIndex;

/**
 * The words of every published or scheduled article, in memory, ranked by the registry's rules
 * ({@link SearchIndex}: every folded word must match, title words weigh more, diacritics rank higher). A province
 * writes a few thousand articles, so the index is rebuilt whole after any change to the news (a few milliseconds
 * per thousand articles), lazily, by the next search. Scheduled articles are in it and filtered by time.
 */
@Component
class NewsIndex {

	private record Built(long generation, TextIndex index, long[] ids, long[] publishAt, long[] categories) {
	}

	/** A hit: the article and its score. */
	record Hit(long id, int score, long publishAt) {
	}

	private final Articles articles;

	private volatile Built built;

	private final java.util.concurrent.atomic.AtomicLong generation = new java.util.concurrent.atomic.AtomicLong();

	NewsIndex(Articles articles) {
		this.articles = articles;
	}

	@EventListener
	void on(PublicContentChanged event) {
		invalidate();
	}

	void invalidate() {
		generation.incrementAndGet();
	}

	/** Ids of the visible articles matching the query (optionally of one category), best first. */
	List<Long> search(SearchIndex.Query query, Long categoryId, Instant now) {
		Built b = current();
		long nowMillis = now.toEpochMilli();
		List<Hit> hits = new ArrayList<>();
		b.index().match(query.folded(), query.exact(),
				slot -> b.publishAt()[slot] <= nowMillis && (categoryId == null || b.categories()[slot] == categoryId),
				(slot, score) -> hits.add(new Hit(b.ids()[slot], score, b.publishAt()[slot])));
		hits.sort(Comparator.comparingInt(Hit::score).reversed().thenComparing(Hit::publishAt, Comparator.reverseOrder()));
		return hits.stream().map(Hit::id).toList();
	}

	private Built current() {
		Built b = built;
		if (b == null || b.generation() != generation.get()) {
			synchronized (this) {
				b = built;
				if (b == null || b.generation() != generation.get()) {
					b = build(generation.get());
					built = b;
				}
			}
		}
		return b;
	}

	private Built build(long gen) {
		List<Articles.IndexRow> rows = articles.indexRows();
		TextIndex index = new TextIndex();
		long[] ids = new long[rows.size()];
		long[] at = new long[rows.size()];
		long[] categories = new long[rows.size()];
		for (int slot = 0; slot < rows.size(); slot++) {
			Articles.IndexRow r = rows.get(slot);
			ids[slot] = r.id();
			at[slot] = r.publishAt().toEpochMilli();
			categories[slot] = r.categoryId();
			String body = r.summary() + " " + NewsSanitizer.text(r.bodyHtml());
			index.add(slot, SearchIndex.tokens(new SearchIndex.Document(r.id(), r.title(), body)));
		}
		return new Built(gen, index, ids, at, categories);
	}

}
