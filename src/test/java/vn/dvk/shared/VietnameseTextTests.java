package vn.dvk.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;

import org.junit.jupiter.api.Test;

class VietnameseTextTests {

	@Test
	void foldsProvinceNamesToPlainLowerCase() {
		assertThat(VietnameseText.fold("Đắk Lắk")).isEqualTo("dak lak");
		assertThat(VietnameseText.fold("Thừa Thiên Huế")).isEqualTo("thua thien hue");
		assertThat(VietnameseText.fold("Quỳnh Lưu")).isEqualTo("quynh luu");
		assertThat(VietnameseText.fold("Bà Rịa – Vũng Tàu")).isEqualTo("ba ria - vung tau");
	}

	@Test
	void foldsCapitalDWithStrokeWhichUnicodeDoesNotDecompose() {
		assertThat(VietnameseText.fold("ĐỒNG THÁP")).isEqualTo("dong thap");
		assertThat(VietnameseText.fold("đường")).isEqualTo("duong");
	}

	@Test
	void foldsDecomposedInputLikeComposedInput() {
		String decomposed = Normalizer.normalize("Dân vận khéo", Normalizer.Form.NFD);
		assertThat(VietnameseText.fold(decomposed)).isEqualTo("dan van kheo");
	}

	@Test
	void collapsesWhiteSpaceIncludingNonBreakingSpaces() {
		assertThat(VietnameseText.fold("  Xã\u00A0 Tân   Lập \n")).isEqualTo("xa tan lap");
	}

	@Test
	void foldOfNullIsEmpty() {
		assertThat(VietnameseText.fold(null)).isEmpty();
	}

	@Test
	void slugUsesFoldedWordsJoinedByDashes() {
		assertThat(VietnameseText.slug("Dân vận khéo – Đắk Lắk!", 80)).isEqualTo("dan-van-kheo-dak-lak");
	}

	@Test
	void longSlugIsCutAtAWordBoundary() {
		String slug = VietnameseText.slug("Mô hình dân vận khéo trong xây dựng nông thôn mới kiểu mẫu", 30);
		assertThat(slug).hasSizeLessThanOrEqualTo(30).doesNotEndWith("-").isEqualTo("mo-hinh-dan-van-kheo-trong");
	}

	@Test
	void cleanKeepsDiacriticsAndTrims() {
		assertThat(VietnameseText.clean("  Xã   Tân Lập ")).isEqualTo("Xã Tân Lập");
		assertThat(VietnameseText.clean(null)).isNull();
	}

}
