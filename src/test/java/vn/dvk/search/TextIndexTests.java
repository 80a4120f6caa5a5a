package vn.dvk.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class TextIndexTests {

	private static Map<String, Short> doc(String title, String body) {
		return SearchIndex.tokens(new SearchIndex.Document(0, title, body));
	}

	private static Map<Integer, Integer> run(TextIndex index, String query, java.util.function.IntPredicate filter) {
		SearchIndex.Query q = SearchIndex.Query.of(query);
		Map<Integer, Integer> hits = new LinkedHashMap<>();
		index.match(q.folded(), q.exact(), filter, hits::put);
		return hits;
	}

	@Test
	void everyWordMustMatchAndTitleAndExactSpellingsScoreHigher() {
		TextIndex index = new TextIndex();
		index.add(1, doc("Đường giao thông nông thôn", "Nhân dân hiến đất làm đường"));
		index.add(2, doc("Vườn rau an toàn", "Làm đường nội đồng, hiến đất"));
		index.add(5, doc("Tuyến phố văn minh", "Không có từ cần tìm"));
		index.add(9, doc("Duong hoa", "Trồng hoa ven đường"));

		assertThat(run(index, "hien dat", s -> true)).containsOnlyKeys(1, 2);
		// "đường": title word in 1 (10 + 1 body + 5 exact), body word in 2 (1); folded title in 9 (10 + 1 body)
		assertThat(run(index, "đường", s -> true)).containsExactlyInAnyOrderEntriesOf(Map.of(1, 16, 2, 1, 9, 11));
		assertThat(run(index, "duong", s -> true)).containsExactlyInAnyOrderEntriesOf(Map.of(1, 11, 2, 1, 9, 11));
		assertThat(run(index, "đường xyz", s -> true)).isEmpty();
		assertThat(run(index, "đường", s -> s != 1)).containsOnlyKeys(2, 9);
	}

	@Test
	void longListsAreIntersectedFromTheShortestOne() {
		TextIndex index = new TextIndex();
		for (int s = 0; s < 10_000; s++) {
			index.add(s, doc("mô hình " + (s % 1000 == 7 ? "hiếm" : "thường"), "dân vận khéo"));
		}
		Map<Integer, Integer> hits = run(index, "dan van kheo hiem", s -> true);
		assertThat(hits).hasSize(10).containsKeys(7, 1007, 9007);
		assertThat(run(index, "thuong kheo", s -> s < 3)).containsOnlyKeys(0, 1, 2);
	}

	@Test
	void compactionRenumbersAndDropsReplacedDocuments() {
		TextIndex index = new TextIndex();
		index.add(0, doc("Khuyến học", ""));
		index.add(1, doc("Nước sạch", ""));
		index.add(2, doc("Khuyến học khuyến tài", ""));
		index.compact(new int[] { -1, 0, 1 });
		assertThat(run(index, "khuyen hoc", s -> true)).containsOnlyKeys(1);
		assertThat(run(index, "nuoc", s -> true)).containsOnlyKeys(0);
		// "Nước sạch": nuoc, sach, nước, sạch; "Khuyến học khuyến tài": khuyen, hoc, tai, khuyến, học, tài
		assertThat(index.postingCount()).isEqualTo(10);
		index.add(2, doc("Khuyến học", "mới"));
		assertThat(run(index, "khuyen", s -> true)).containsOnlyKeys(1, 2);
		assertThatThrownBy(() -> index.add(2, doc("x", ""))).isInstanceOf(IllegalArgumentException.class);
		assertThat(index.postingCount()).isEqualTo(15);
	}

}
