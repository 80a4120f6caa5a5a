package vn.dvk.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class MeasureExtractorTests {

	@Test
	void readsThousandsSeparatedByDots() {
		assertThat(MeasureExtractor.extract("Vận động được 1.200 hộ tham gia")).singleElement().satisfies(m -> {
			assertThat(m.value()).isEqualByComparingTo("1200");
			assertThat(m.unit()).isEqualTo("hộ");
		});
	}

	@Test
	void readsDecimalCommas() {
		assertThat(MeasureExtractor.extract("làm mới 3,5 km đường bê tông")).singleElement().satisfies(m -> {
			assertThat(m.value()).isEqualByComparingTo("3.5");
			assertThat(m.unit()).isEqualTo("km");
		});
	}

	@Test
	void keepsMultipliersWithTheirUnit() {
		assertThat(MeasureExtractor.extract("huy động 1,2 tỷ đồng và 850 triệu đồng ngày công")).extracting(
				MeasureExtractor.Measure::unit).containsExactly("tỷ đồng", "triệu đồng");
	}

	@Test
	void readsPercentages() {
		assertThat(MeasureExtractor.extract("tỷ lệ thu gom đạt 96%")).singleElement()
			.extracting(MeasureExtractor.Measure::value)
			.isEqualTo(new BigDecimal("96"));
	}

	@Test
	void yearsDatesAndDurationsAreNotResults() {
		assertThat(MeasureExtractor.hasMeasure("Từ năm 2023, trong 3 năm liền, ngày 12/5 nhân dân đồng tình")).isFalse();
	}

	@Test
	void vagueTextHasNoMeasure() {
		assertThat(MeasureExtractor.hasMeasure("Bước đầu có chuyển biến tích cực, nhân dân đồng tình ủng hộ.")).isFalse();
		assertThat(MeasureExtractor.hasMeasure(null)).isFalse();
	}

	@Test
	void findsSeveralFiguresInOneSentence() {
		assertThat(MeasureExtractor.extract("Hỗ trợ 120 hộ thoát nghèo, xây 15 căn nhà, trồng 2.500 cây xanh"))
			.hasSize(3);
	}

}
