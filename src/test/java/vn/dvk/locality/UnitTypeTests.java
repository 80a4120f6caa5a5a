package vn.dvk.locality;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UnitTypeTests {

	@Test
	void communeLevelTypesComeFromTheNamePrefix() {
		assertThat(UnitType.fromName("Xã Tân Lập", 3)).contains(UnitType.COMMUNE);
		assertThat(UnitType.fromName("Phường Ba Đình", 3)).contains(UnitType.WARD);
		assertThat(UnitType.fromName("Đặc khu Côn Đảo", 3)).contains(UnitType.SPECIAL_ZONE);
		assertThat(UnitType.fromName("Thị trấn Cầu Giát", 3)).contains(UnitType.TOWNSHIP);
	}

	@Test
	void provinceLevelDistinguishesProvincesFromCentralCities() {
		assertThat(UnitType.fromName("Tỉnh Đắk Lắk", 1)).contains(UnitType.PROVINCE);
		assertThat(UnitType.fromName("Thành phố Huế", 1)).contains(UnitType.CENTRAL_CITY);
		assertThat(UnitType.fromName("Thành phố Vinh", 2)).contains(UnitType.DISTRICT);
	}

	@Test
	void unknownPrefixGivesNothing() {
		assertThat(UnitType.fromName("Làng Lạ", 3)).isEmpty();
		assertThat(UnitType.fromName("Xãhội", 3)).isEmpty();
	}

	@Test
	void codeLengthGivesTheLevel() {
		assertThat(UnitType.levelOfCode("01")).isEqualTo(1);
		assertThat(UnitType.levelOfCode("001")).isEqualTo(2);
		assertThat(UnitType.levelOfCode("00004")).isEqualTo(3);
		assertThat(UnitType.levelOfCode("0004")).isZero();
	}

}
