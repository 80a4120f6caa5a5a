package vn.dvk.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VietnameseNumbersTests {

	@Test
	void readsVietnameseGroupingAndDecimals() {
		assertThat(VietnameseNumbers.parse("1.234.567")).get().satisfies(v -> assertThat(v).isEqualByComparingTo("1234567"));
		assertThat(VietnameseNumbers.parse("3,5")).get().satisfies(v -> assertThat(v).isEqualByComparingTo("3.5"));
		assertThat(VietnameseNumbers.parse("1.234,5")).get().satisfies(v -> assertThat(v).isEqualByComparingTo("1234.5"));
	}

	@Test
	void readsPlainDecimalPointWhenUnambiguous() {
		assertThat(VietnameseNumbers.parse("1234.5")).get().satisfies(v -> assertThat(v).isEqualByComparingTo("1234.5"));
		assertThat(VietnameseNumbers.parse("1.200")).get().satisfies(v -> assertThat(v).isEqualByComparingTo("1200"));
	}

	@Test
	void refusesText() {
		assertThat(VietnameseNumbers.parse("ba mươi")).isEmpty();
		assertThat(VietnameseNumbers.parse("1.2.3")).isEmpty();
		assertThat(VietnameseNumbers.parse(null)).isEmpty();
	}

}
