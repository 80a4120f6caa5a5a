import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Random;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Writes import files of generated models for the registry benchmark: Vietnamese-looking registrations whose
 * organizations ("Đơn vị thử nghiệm N", created by the script) and communes (codes N*3) exist in the bench database.
 * Usage: java -cp fastexcel.jar:opczip.jar GenerateModels.java OUT_DIR FILES ROWS_PER_FILE ORGANIZATIONS
 */
public class GenerateModels {

	static final String[] FIELDS = { "Kinh tế", "Văn hóa – xã hội", "Quốc phòng – an ninh",
			"Xây dựng hệ thống chính trị", "Cải cách hành chính, đạo đức công vụ" };

	static final String[] TOPICS = { "đường giao thông nông thôn", "phân loại rác tại nguồn", "tổ tự quản an ninh",
			"vườn rau an toàn", "hiến đất làm đường", "quỹ tiết kiệm phụ nữ", "camera an ninh khu phố",
			"hòa giải ở cơ sở", "dịch vụ công trực tuyến", "khuyến học khuyến tài", "nhà tình nghĩa", "nước sạch",
			"chuyển đổi số", "phòng chống ma túy", "chăn nuôi bò sinh sản", "trồng chè hữu cơ", "đường hoa",
			"tuyến phố văn minh", "xóa nhà tạm", "đối thoại với Nhân dân" };

	static final String[] SYLLABLES = ("bà con nhân dân thôn bản xã phường cán bộ hội đoàn viên hội viên vận động "
			+ "tuyên truyền họp dân bàn bạc thống nhất đóng góp ngày công kinh phí đất đai xây dựng nông thôn mới "
			+ "đô thị văn minh an ninh trật tự môi trường sạch đẹp thu gom rác thải hộ nghèo thoát nghèo sinh kế "
			+ "thu nhập ổn định mô hình hiệu quả nhân rộng lan tỏa phong trào thi đua dân vận khéo trách nhiệm "
			+ "gương mẫu đảng viên chi bộ chính quyền mặt trận đoàn thể phối hợp chặt chẽ thường xuyên định kỳ "
			+ "kiểm tra giám sát đánh giá kết quả cụ thể rõ ràng đồng thuận cao tin tưởng ủng hộ").split(" ");

	public static void main(String[] args) throws IOException {
		String dir = args[0];
		int files = Integer.parseInt(args[1]);
		int rows = Integer.parseInt(args[2]);
		int orgs = Integer.parseInt(args[3]);
		Random random = new Random(42);
		String[] headers = { "STT", "Tên mô hình, điển hình", "Loại", "Tập thể/Cá nhân", "Lĩnh vực",
				"Mã đơn vị hành chính", "Đơn vị thực hiện", "Năm bắt đầu", "Thực trạng", "Mục tiêu",
				"Nội dung, cách làm", "Địa bàn, đối tượng", "Lực lượng", "Nguồn lực", "Thời gian",
				"Kết quả đạt được", "Khả năng nhân rộng", "Ngày công nhận", "Số quyết định công nhận" };
		for (int f = 0; f < files; f++) {
			try (OutputStream out = new FileOutputStream(dir + "/models-" + (f + 1) + ".xlsx")) {
				Workbook wb = new Workbook(out, "DVK bench", "1.0");
				Worksheet ws = wb.newWorksheet("Mẫu nhập");
				for (int c = 0; c < headers.length; c++) {
					ws.value(0, c, headers[c]);
				}
				for (int r = 1; r <= rows; r++) {
					int n = f * rows + r;
					int org = n % orgs + 1;
					String topic = TOPICS[n % TOPICS.length];
					boolean recognized = n % 10 < 6;
					String[] v = { String.valueOf(r), "Mô hình “" + topic + "” số " + n + " " + words(random, 3),
							n % 4 == 0 ? "Điển hình" : "Mô hình", n % 8 == 0 ? "Cá nhân" : "Tập thể",
							FIELDS[n % FIELDS.length], String.format("%05d", org * 3), "Đơn vị thử nghiệm " + org,
							String.valueOf(2016 + n % 10), sentence(random, 40), sentence(random, 25),
							sentence(random, 70), sentence(random, 15), sentence(random, 15), sentence(random, 15),
							"Từ năm " + (2016 + n % 10) + " đến nay.",
							"Đạt " + (random.nextInt(900) + 10) + " hộ tham gia, " + (random.nextInt(90) + 1)
									+ ",5 km đường, " + sentence(random, 15),
							sentence(random, 20), recognized ? String.format("%02d/%02d/%d", 1 + n % 28, 1 + n % 12,
									2018 + n % 8) : "",
							recognized ? (n % 900 + 1) + "/QĐ-UBND" : "" };
					for (int c = 0; c < v.length; c++) {
						ws.value(r, c, v[c]);
					}
					if (r % 2000 == 0) {
						ws.flush();
					}
				}
				wb.finish();
			}
		}
	}

	static String words(Random random, int n) {
		StringBuilder s = new StringBuilder();
		for (int i = 0; i < n; i++) {
			s.append(i == 0 ? "" : " ").append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
		}
		return s.toString();
	}

	static String sentence(Random random, int n) {
		String w = words(random, n);
		return Character.toUpperCase(w.charAt(0)) + w.substring(1) + ".";
	}

}
