package vn.dvk.registry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextDiffTests {

	@Test
	void marksRemovedAndAddedWords() {
		assertThat(TextDiff.diff("Vận động 120 hộ tham gia", "Vận động 150 hộ tham gia tích cực")).containsExactly(
				new TextDiff.Part("Vận động", TextDiff.Kind.SAME), new TextDiff.Part("150", TextDiff.Kind.ADDED),
				new TextDiff.Part("120", TextDiff.Kind.REMOVED), new TextDiff.Part("hộ tham gia", TextDiff.Kind.SAME),
				new TextDiff.Part("tích cực", TextDiff.Kind.ADDED));
	}

	@Test
	void emptyBeforeIsAllAdded() {
		assertThat(TextDiff.diff(null, "mới")).containsExactly(new TextDiff.Part("mới", TextDiff.Kind.ADDED));
	}

}
