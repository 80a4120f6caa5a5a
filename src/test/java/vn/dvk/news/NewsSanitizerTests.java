package vn.dvk.news;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NewsSanitizerTests {

	@Test
	void scriptsHandlersJavascriptLinksAndStylesAreRemoved() {
		String clean = NewsSanitizer.clean("""
				<p style="color:red" class="x" onclick="steal()">Bà con <strong>thôn Đông</strong></p>
				<script>alert('x')</script>
				<img src="x" onerror="alert(1)">
				<img src="/tin-tuc/anh/5?w=720" alt="Đường hoa">
				<a href="javascript:alert(1)">bấm</a>
				<a href="https://dvk.vn/mo-hinh/a-1" target="_blank">mô hình</a>
				<iframe src="https://evil.example"></iframe>
				<table><tr><td colspan="2" style="width:9px">120 hộ</td></tr></table>""");
		assertThat(clean).doesNotContain("script", "onerror", "onclick", "javascript:", "style=", "class=", "iframe",
				"target=", "src=\"x\"");
		assertThat(clean).contains("<p>Bà con <strong>thôn Đông</strong></p>")
			.contains("<img src=\"/tin-tuc/anh/5?w=720\" alt=\"Đường hoa\" loading=\"lazy\">")
			.contains("<a href=\"https://dvk.vn/mo-hinh/a-1\" rel=\"noopener nofollow\">mô hình</a>")
			.contains("<td colspan=\"2\">120 hộ</td>")
			.contains("<a rel=\"noopener nofollow\">bấm</a>");
	}

	@Test
	void relativeLinksIntoThePortalSurvive() {
		assertThat(NewsSanitizer.clean("<p><a href=\"/mo-hinh/duong-hoa-12\">xem</a></p>"))
			.isEqualTo("<p><a href=\"/mo-hinh/duong-hoa-12\" rel=\"noopener nofollow\">xem</a></p>");
	}

	@Test
	void textIsTheWordsOfTheBody() {
		assertThat(NewsSanitizer.text("<h2>Kết quả</h2><p>120 <em>hộ</em> tham gia</p>")).isEqualTo("Kết quả 120 hộ tham gia");
		assertThat(NewsSanitizer.clean(null)).isEmpty();
	}

}
