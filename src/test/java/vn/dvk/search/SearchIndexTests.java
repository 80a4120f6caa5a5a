package vn.dvk.search;

import vn.dvk.shared.VietnameseText;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SearchIndexTests {

	@Test
	void titleWordsOutweighBodyWordsAndExactSpellingsAreKept() {
		Map<String, Short> tokens = SearchIndex
			.tokens(new SearchIndex.Document(1, "Dân vận khéo Đắk Lắk", "Nhân dân Đắk Sơn đồng lòng"));
		assertThat(tokens).containsEntry("dan", (short) 11)
			.containsEntry("kheo", (short) 10)
			.containsEntry("nhan", (short) 1)
			.containsEntry("lắk", (short) 5)
			.containsEntry("dân", (short) 5)
			.doesNotContainKey("Dân");
	}

	@Test
	void foldedWordsAreTheWordsOfTheFoldedText() {
		String nfc = "Đường GIAO-thông “nông thôn” Đắk Lắk: 1.200 m, 3,5 km; ĐẶNG Thị Ửng – xã Ia H'Drai "
				+ "Quỹ 'tiết kiệm' 2024/2025 – Hợp tác xã ÂU CƠ, Thành phố Hồ Chí Minh… Ngữ, Ỹ, ỵ";
		for (String text : List.of(nfc, java.text.Normalizer.normalize(nfc, java.text.Normalizer.Form.NFD),
				"x".repeat(50) + " ngắn", "", "  ")) {
			List<String> expected = java.util.Arrays.stream(VietnameseText.fold(text).split("[^a-z0-9]+"))
				.filter(w -> !w.isEmpty())
				.map(w -> w.length() > 40 ? w.substring(0, 40) : w)
				.distinct()
				.toList();
			assertThat(SearchIndex.foldedWords(text)).as(text).isEqualTo(expected);
		}
	}

	@Test
	void snippetHighlightsFoldedMatchesInTheOriginalText() {
		List<SearchIndex.Segment> s = SearchIndex.snippet("Người dân xã Đắk Sơn làm đường bê tông.",
				List.of("dak", "son"), 200);
		assertThat(s).contains(new SearchIndex.Segment("Đắk", true), new SearchIndex.Segment("Sơn", true));
		assertThat(String.join("", s.stream().map(SearchIndex.Segment::text).toList()))
			.isEqualTo("Người dân xã Đắk Sơn làm đường bê tông.");
	}

	@Test
	void snippetOfALongTextStartsNearTheFirstMatchWithEllipses() {
		String text = "Mở đầu. ".repeat(80) + "Kết quả có 120 hộ thoát nghèo." + " Kết thúc.".repeat(80);
		List<SearchIndex.Segment> s = SearchIndex.snippet(text, List.of("ngheo"), 120);
		assertThat(s.get(0).text()).isEqualTo("… ");
		assertThat(s).contains(new SearchIndex.Segment("nghèo", true));
		assertThat(s.get(s.size() - 1).text()).isEqualTo(" …");
	}

	@Test
	void matchesWholeWordsOnly() {
		List<SearchIndex.Segment> s = SearchIndex.highlight("Tân An và Tân Lập", List.of("an"));
		assertThat(s).containsExactly(new SearchIndex.Segment("Tân ", false), new SearchIndex.Segment("An", true),
				new SearchIndex.Segment(" và Tân Lập", false));
	}

}
