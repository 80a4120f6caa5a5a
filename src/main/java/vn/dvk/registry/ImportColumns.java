package vn.dvk.registry;

import java.util.List;

import vn.dvk.shared.VietnameseText;

/**
 * The columns of the import file, the contract with the offices that send them. Headers are matched
 * case-, diacritic- and whitespace-insensitively, in any order.
 */
enum ImportColumns {

	STT("STT", false), NAME("Tên mô hình, điển hình", true), KIND("Loại", true),
	SUBJECT("Tập thể/Cá nhân", false), FIELD("Lĩnh vực", true), LOCALITY("Mã đơn vị hành chính", true),
	ORGANIZATION("Đơn vị thực hiện", true), START_YEAR("Năm bắt đầu", true), PHASE("Giai đoạn", false),
	SITUATION("Thực trạng", false), GOALS("Mục tiêu", false), CONTENT_METHOD("Nội dung, cách làm", false),
	AREA_TARGET("Địa bàn, đối tượng", false), FORCES("Lực lượng", false), RESOURCES("Nguồn lực", false),
	TIMELINE("Thời gian", false), OUTPUTS("Kết quả đạt được", false), SUSTAINABILITY("Khả năng nhân rộng", false),
	RECOGNITION_DATE("Ngày công nhận", false), RECOGNITION_DECISION("Số quyết định công nhận", false),
	RECOGNITION_LEVEL("Cấp công nhận", false);

	private final String header;

	private final boolean required;

	ImportColumns(String header, boolean required) {
		this.header = header;
		this.required = required;
	}

	String header() {
		return header;
	}

	boolean required() {
		return required;
	}

	String key() {
		return key(header);
	}

	static String key(String header) {
		return VietnameseText.fold(header).replaceAll("[^a-z0-9]+", " ").trim();
	}

	/** The content item a column fills, or null. */
	ContentItem item() {
		return switch (this) {
			case SITUATION -> ContentItem.SITUATION;
			case GOALS -> ContentItem.GOALS;
			case CONTENT_METHOD -> ContentItem.CONTENT_METHOD;
			case AREA_TARGET -> ContentItem.AREA_TARGET;
			case FORCES -> ContentItem.FORCES;
			case RESOURCES -> ContentItem.RESOURCES;
			case TIMELINE -> ContentItem.TIMELINE;
			case OUTPUTS -> ContentItem.OUTPUTS;
			case SUSTAINABILITY -> ContentItem.SUSTAINABILITY;
			default -> null;
		};
	}

	/** The headers of the template, in its order. */
	static List<ImportColumns> template() {
		return List.of(values());
	}

}
