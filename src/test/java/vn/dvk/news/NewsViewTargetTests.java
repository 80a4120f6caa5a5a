package vn.dvk.news;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import vn.dvk.visits.ContentRef;

class NewsViewTargetTests {

	private final NewsViewTarget target = new NewsViewTarget();

	@Test
	void articlePagesAreTheirArticles() {
		assertThat(target.target("/tin-tuc/phin-ho-danh-thuc-doi-che-42")).isEqualTo(new ContentRef("news", 42));
		assertThat(target.target("/tin-tuc/cu-42")).isEqualTo(new ContentRef("news", 42));
	}

	@Test
	void otherNewsPagesAreNot() {
		assertThat(target.target("/tin-tuc")).isNull();
		assertThat(target.target("/tin-tuc/chuyen-muc/tin-hoat-dong")).isNull();
		assertThat(target.target("/tin-tuc/anh/12")).isNull();
		assertThat(target.target("/tin-tuc/rss.xml")).isNull();
		assertThat(target.target("/tin-tuc/bai-12a")).isNull();
		assertThat(target.target("/tin-tuc/bai-99999999999999999999")).isNull();
		assertThat(target.target("/mo-hinh/duong-hoa-12")).isNull();
	}

	@Test
	void tagsAreCleanedAndDistinct() {
		assertThat(NewsService.tags(" Nông thôn mới, nông thôn mới;Chuyển đổi số\n ")).containsExactly("nông thôn mới",
				"chuyển đổi số");
		assertThat(NewsService.rendition(100)).isEqualTo(360);
		assertThat(NewsService.rendition(361)).isEqualTo(720);
		assertThat(NewsService.rendition(5000)).isEqualTo(1200);
	}

}
