package vn.dvk.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class VietnameseCollationTests {

	private static List<String> sorted(String... names) {
		List<String> list = new ArrayList<>(List.of(names));
		list.sort(VietnameseCollation.ORDER);
		return list;
	}

	@Test
	void dWithStrokeSortsAfterD() {
		assertThat(sorted("Đắk Lắk", "Dương Minh Châu", "Đà Nẵng")).containsExactly("Dương Minh Châu", "Đà Nẵng",
				"Đắk Lắk");
	}

	@Test
	void aBreveAndACircumflexSortAfterA() {
		assertThat(sorted("Âu Cơ", "Ăn Uống", "An Giang", "Bà Rịa")).containsExactly("An Giang", "Ăn Uống", "Âu Cơ",
				"Bà Rịa");
	}

	@Test
	void namesSortSyllableBySyllable() {
		assertThat(sorted("Hải Phòng", "Hà Nội", "Hà Giang")).containsExactly("Hà Giang", "Hà Nội", "Hải Phòng");
	}

	@Test
	void hornedLettersSortAfterTheirBaseLetters() {
		assertThat(sorted("Ưng Hòa", "Uông Bí", "Ơn", "Ông Ích Khiêm", "Ô Môn")).containsExactly("Ô Môn",
				"Ông Ích Khiêm", "Ơn", "Uông Bí", "Ưng Hòa");
	}

	@Test
	void sortKeyComparesAsPlainBytesSoTheDatabaseCanOrderByIt() {
		String dak = VietnameseCollation.sortKey("Đắk Lắk");
		String duong = VietnameseCollation.sortKey("Dương");
		assertThat(dak).matches("[0-9a-f ]+");
		assertThat(duong.compareTo(dak)).isNegative();
	}

}
