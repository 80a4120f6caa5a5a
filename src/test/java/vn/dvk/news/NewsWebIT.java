package vn.dvk.news;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;

import vn.dvk.account.AccessScope;
import vn.dvk.account.AccountService;
import vn.dvk.account.Role;
import vn.dvk.account.UserCommand;
import vn.dvk.locality.OrganizationQuery;
import vn.dvk.locality.OrganizationService;
import vn.dvk.shared.PageResult;
import vn.dvk.system.PublicContentChanged;
import vn.dvk.system.SystemActor;
import vn.dvk.shared.UserFacingException;
import vn.dvk.support.DemoUsers;
import vn.dvk.support.DvkIntegrationTest;

/** News as editors write it and as the public sees it: visibility, sanitizing, addresses, images, scope. */
@DvkIntegrationTest
class NewsWebIT {

	static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/131.0 Safari/537.36";

	@Autowired
	MockMvc mvc;

	@Autowired
	NewsService news;

	@Autowired
	DemoUsers users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	AccountService accounts;

	@Autowired
	OrganizationService organizations;

	String marker;

	@BeforeEach
	void setUp() {
		marker = "nw" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
	}

	ArticleDraft draft(String title, String body) {
		return new ArticleDraft(title, "tin-hoat-dong", "Tóm tắt " + marker, body, "Minh Anh", "nông thôn mới, " + marker,
				List.of(), false, null);
	}

	@Test
	void scheduledArticlesStayInvisibleUntilTheirTime() throws Exception {
		ArticleView a = news.create(users.load("bientap"), draft("Hẹn giờ " + marker, "<p>Nội dung " + marker + "</p>"));
		news.schedule(users.load("bientap"), a.id(), Instant.now().plus(Duration.ofDays(3)));
		String path = "/tin-tuc/" + a.summary().slug() + "-" + a.id();
		mvc.perform(get(path)).andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/news/{id}", a.id())).andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/news").param("q", marker)).andExpect(jsonPath("$.total").value(0));
		mvc.perform(get("/tin-tuc/rss.xml")).andExpect(content().string(not(containsString(marker))));
		mvc.perform(get("/sitemap.xml")).andExpect(content().string(not(containsString(a.summary().slug()))));
		mvc.perform(get("/tin-tuc").param("q", marker)).andExpect(content().string(not(containsString("Hẹn giờ " + marker))));
		// its time comes
		jdbc.sql("update news_article set publish_at = ? where id = ?")
			.params(Timestamp.from(Instant.now().minusSeconds(5)), a.id())
			.update();
		events.publishEvent(new PublicContentChanged("test"));
		mvc.perform(get(path)).andExpect(status().isOk()).andExpect(content().string(containsString("Hẹn giờ " + marker)));
		mvc.perform(get("/api/v1/news").param("q", marker))
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].id").value(a.id()))
			.andExpect(jsonPath("$.items[0].url").value(containsString(path)))
			.andExpect(jsonPath("$.items[0].views").isNumber());
		mvc.perform(get("/tin-tuc/rss.xml")).andExpect(content().string(containsString("Hẹn giờ " + marker)));
		mvc.perform(get("/sitemap.xml")).andExpect(content().string(containsString(path)));
	}

	@Test
	void bodiesComeOutCleanAndTitlesKeepOldLinks() throws Exception {
		ArticleView a = news.create(users.load("bientap"), draft("Tiêu đề đầu " + marker,
				"<p style=\"color:red\" onclick=\"x()\">An toàn " + marker + "</p><script>alert(1)</script>"
						+ "<img src=x onerror=alert(1)><a href=\"javascript:alert(1)\">bấm</a>"));
		assertThat(a.bodyHtml()).isEqualTo("<p>An toàn " + marker + "</p><a rel=\"noopener nofollow\">bấm</a>");
		news.publish(users.load("bientap"), a.id());
		String oldPath = "/tin-tuc/" + a.summary().slug() + "-" + a.id();
		ArticleView b = news.update(users.load("bientap"), a.id(), news.get(users.load("bientap"), a.id()).version(),
				draft("Tiêu đề mới " + marker, a.bodyHtml()));
		String newPath = "/tin-tuc/" + b.summary().slug() + "-" + b.id();
		assertThat(newPath).isNotEqualTo(oldPath);
		mvc.perform(get(oldPath)).andExpect(status().isMovedPermanently()).andExpect(header().string("Location", newPath));
		mvc.perform(get(newPath).header("User-Agent", BROWSER))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<link rel=\"canonical\" href=\"http://localhost")))
			.andExpect(content().string(containsString("property=\"og:type\" content=\"article\"")))
			.andExpect(content().string(not(containsString("alert(1)"))));
		news.unpublish(users.load("bientap"), a.id());
		mvc.perform(get(newPath)).andExpect(status().isNotFound());
		assertThatThrownBy(() -> news.delete(users.load("bientap"), a.id())).isInstanceOf(UserFacingException.class);
	}

	@Test
	void veryLongTitlesAndTitlesWithoutLettersAreHandled() {
		String longTitle = ("Mô hình dân vận khéo ở xã vùng cao " + marker + " ").repeat(7).strip();
		ArticleView a = news.create(users.load("bientap"), draft(longTitle.substring(0, 290), "<p>Nội dung</p>"));
		assertThat(a.summary().slug().length()).isLessThanOrEqualTo(NewsService.SLUG_MAX);
		assertThatThrownBy(() -> news.create(users.load("bientap"), draft(longTitle + longTitle, "<p>x</p>")))
			.isInstanceOfSatisfying(UserFacingException.class, ex -> assertThat(ex.field()).isEqualTo("title"));
		assertThatThrownBy(() -> news.create(users.load("bientap"), draft("!!! ???", "<p>x</p>")))
			.isInstanceOfSatisfying(UserFacingException.class, ex -> assertThat(ex.messageKey()).isEqualTo("news.title.noLetters"));
		assertThatThrownBy(() -> news.create(users.load("bientap"), draft("Chỉ có mã", "<script>x()</script>")))
			.isInstanceOfSatisfying(UserFacingException.class, ex -> assertThat(ex.field()).isEqualTo("bodyHtml"));
	}

	@Test
	void picturesAreCheckedByContentAndServedInThreeWidths() throws Exception {
		ArticleView a = news.create(users.load("bientap"), draft("Ảnh " + marker, "<p>Ảnh</p>"));
		MockMultipartFile fake = new MockMultipartFile("image", "anh.jpg", "image/jpeg", "%PDF-1.4 not a picture".getBytes());
		mvc.perform(multipart("/quan-tri/tin-tuc/{id}/anh", a.id()).file(fake).with(users.as("bientap")).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("failure", containsString("không phải ảnh")));
		java.awt.image.BufferedImage picture = new java.awt.image.BufferedImage(1600, 900,
				java.awt.image.BufferedImage.TYPE_INT_RGB);
		ByteArrayOutputStream png = new ByteArrayOutputStream();
		ImageIO.write(picture, "png", png);
		mvc.perform(multipart("/quan-tri/tin-tuc/{id}/anh", a.id())
			.file(new MockMultipartFile("image", "anh.png", "image/png", png.toByteArray()))
			.with(users.as("bientap"))
			.with(csrf())).andExpect(flash().attributeExists("success"));
		ArticleView published = news.publish(users.load("bientap"), a.id());
		long imageId = published.summary().imageId();
		for (int w : new int[] { 360, 720, 1200 }) {
			byte[] bytes = mvc.perform(get("/tin-tuc/anh/{id}", imageId).param("w", Integer.toString(w)))
				.andExpect(status().isOk())
				.andExpect(header().string("Content-Type", "image/jpeg"))
				.andReturn()
				.getResponse()
				.getContentAsByteArray();
			assertThat(ImageIO.read(new java.io.ByteArrayInputStream(bytes)).getWidth()).isEqualTo(w);
		}
		news.unpublish(users.load("bientap"), a.id());
		mvc.perform(get("/tin-tuc/anh/{id}", imageId)).andExpect(status().isNotFound());
	}

	@Test
	void editorsChangeOnlyTheArticlesOfTheirScope() throws Exception {
		ArticleView a = news.create(users.load("bientap"), draft("Phạm vi " + marker, "<p>Nội dung</p>"));
		long womensUnion = organizations
			.search(new OrganizationQuery("Hội Liên hiệp Phụ nữ tỉnh Sơn Hà", null, null, false),
					new PageResult.Request(0, 1))
			.items()
			.get(0)
			.id();
		String other = "bt" + marker.substring(2, 10);
		SystemActor.run(() -> accounts.create(new UserCommand(other, "Biên tập viên Hội Phụ nữ", other + "@demo.dvk.vn",
				DemoUsers.PASSWORD, java.util.EnumSet.of(Role.EDITOR), womensUnion, AccessScope.ORGANIZATION)));
		assertThatThrownBy(() -> news.get(users.load(other), a.id())).isInstanceOf(AccessDeniedException.class);
		mvc.perform(get("/quan-tri/tin-tuc/{id}", a.id()).with(users.as(other))).andExpect(status().isForbidden());
		mvc.perform(post("/quan-tri/tin-tuc/{id}/xoa", a.id()).with(users.as(other)).with(csrf()))
			.andExpect(status().isForbidden());
		mvc.perform(get("/quan-tri/tin-tuc/{id}", a.id()).with(users.as("canbo"))).andExpect(status().isForbidden());
		// provincial staff may
		mvc.perform(get("/quan-tri/tin-tuc/{id}", a.id()).with(users.as("bandanvan")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Phạm vi " + marker)));
		mvc.perform(get("/quan-tri/tin-tuc").with(users.as(other)))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("Phạm vi " + marker))));
		mvc.perform(post("/quan-tri/tin-tuc/{id}/xoa", a.id()).with(users.as("bientap")).with(csrf()))
			.andExpect(flash().attributeExists("success"));
	}

	@Test
	void theEditorFormSavesPublishesAndReportsMistakes() throws Exception {
		mvc.perform(post("/quan-tri/tin-tuc/moi").with(users.as("bientap"))
			.with(csrf())
			.param("title", "")
			.param("categoryCode", "tin-hoat-dong")
			.param("summary", "Tóm tắt")
			.param("bodyHtml", "<p>Nội dung</p>")
			.param("author", "Minh Anh")).andExpect(status().isOk())
			.andExpect(content().string(containsString("Vui lòng nhập tiêu đề.")));
		String location = mvc.perform(post("/quan-tri/tin-tuc/moi").with(users.as("bientap"))
			.with(csrf())
			.param("title", "Bài từ biểu mẫu " + marker)
			.param("categoryCode", "mo-hinh-hay")
			.param("summary", "Tóm tắt")
			.param("bodyHtml", "<h2>Kết quả</h2><p>120 hộ tham gia</p>")
			.param("author", "Minh Anh")
			.param("tags", "đường hoa")
			.param("action", "publish")).andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
		long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		mvc.perform(get("/api/v1/news/{id}", id))
			.andExpect(jsonPath("$.title").value("Bài từ biểu mẫu " + marker))
			.andExpect(jsonPath("$.category").value("mo-hinh-hay"))
			.andExpect(jsonPath("$.bodyHtml").value("<h2>Kết quả</h2><p>120 hộ tham gia</p>"))
			.andExpect(jsonPath("$.tags[0]").value("đường hoa"));
		mvc.perform(get("/tin-tuc/chuyen-muc/mo-hinh-hay")).andExpect(content().string(containsString("Bài từ biểu mẫu " + marker)));
		mvc.perform(get("/tin-tuc/chuyen-muc/mo-hinh-hay/rss.xml"))
			.andExpect(header().string("Content-Type", containsString("application/rss+xml")))
			.andExpect(content().string(containsString("<rss version=\"2.0\"")));
		mvc.perform(get("/tim-kiem").param("q", "bai tu bieu mau " + marker))
			.andExpect(content().string(containsString("Bài từ biểu mẫu " + marker)));
	}


	@Test
	void categoriesAreAddedRenamedAndHiddenWithoutLosingTheirAddress() throws Exception {
		String name = "Chuyên mục " + marker;
		mvc.perform(post("/quan-tri/tin-tuc/chuyen-muc").param("nameVi", name).with(users.as("bientap")).with(csrf()))
			.andExpect(status().isForbidden());
		mvc.perform(post("/quan-tri/tin-tuc/chuyen-muc").param("nameVi", name).param("sortOrder", "90")
			.with(users.as("bandanvan"))
			.with(csrf())).andExpect(flash().attributeExists("success"));
		NewsCategory c = news.category(vn.dvk.shared.VietnameseText.slug(name, 60)).orElseThrow();
		mvc.perform(post("/quan-tri/tin-tuc/chuyen-muc").param("nameVi", name).with(users.as("bandanvan")).with(csrf()))
			.andExpect(flash().attribute("failure", containsString("trùng tên")));
		mvc.perform(get(c.path())).andExpect(status().isOk()).andExpect(content().string(containsString(name)));
		mvc.perform(post("/quan-tri/tin-tuc/chuyen-muc/{id}", c.id()).param("nameVi", "Đổi tên " + marker)
			.param("sortOrder", "90")
			.param("active", "true")
			.with(users.as("bandanvan"))
			.with(csrf())).andExpect(flash().attributeExists("success"));
		mvc.perform(get(c.path())).andExpect(content().string(containsString("Đổi tên " + marker)));
		mvc.perform(post("/quan-tri/tin-tuc/chuyen-muc/{id}", c.id()).param("nameVi", "Đổi tên " + marker)
			.with(users.as("bandanvan"))
			.with(csrf())).andExpect(flash().attributeExists("success"));
		mvc.perform(get(c.path())).andExpect(status().isNotFound());
	}

}
