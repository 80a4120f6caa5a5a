package vn.dvk.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Message;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import vn.dvk.poll.PollDraft;
import vn.dvk.poll.PollRules;
import vn.dvk.poll.PollService;
import vn.dvk.poll.PollView;
import vn.dvk.support.DemoUsers;
import vn.dvk.support.DvkIntegrationTest;
import vn.dvk.support.TestMail;

/** A citizen registers, receives the verification e-mail (GreenMail), verifies, and can then vote. */
@DvkIntegrationTest
class CitizenRegistrationIT {

	private static final Pattern LINK = Pattern.compile("https?://\\S+/xac-minh-email\\?ma=([A-Za-z0-9_-]+)");

	@Autowired
	MockMvc mvc;

	@Autowired
	PollService polls;

	@Autowired
	DemoUsers users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	org.springframework.security.core.userdetails.UserDetailsService userDetails;

	PollView accountPoll() {
		return polls.create(users.load("bandanvan"),
				new PollDraft("Bình chọn cho tài khoản " + UUID.randomUUID().toString().substring(0, 6), null,
						List.of(new PollDraft.Option("Phương án một", null), new PollDraft.Option("Phương án hai", null)),
						1, Instant.now().minusSeconds(60), Instant.now().plus(Duration.ofDays(1)),
						PollRules.VoterRule.VERIFIED_ACCOUNT, PollRules.Frequency.ONCE,
						PollRules.ResultsVisibility.LIVE, false, null));
	}

	String register(String username, String email) throws Exception {
		mvc.perform(post("/dang-ky").with(csrf())
			.with(r -> {
				r.setRemoteAddr("10.1." + (username.hashCode() & 0xff) + ".7");
				return r;
			})
			.param("username", username)
			.param("fullName", "Nguyễn Thị Hoà")
			.param("email", email)
			.param("password", "Matkhau@2026")
			.param("passwordConfirm", "Matkhau@2026")).andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/dang-ky/da-gui"));
		List<Message> mails = TestMail.waitFor(email, 1, Duration.ofSeconds(10));
		assertThat(mails).as("verification e-mail to " + email).hasSize(1);
		assertThat(mails.get(0).getSubject()).startsWith("Xác minh địa chỉ e-mail");
		String body = TestMail.body(mails.get(0));
		Matcher m = LINK.matcher(body.replace("=\r\n", "").replace("=3D", "="));
		assertThat(m.find()).as(body).isTrue();
		return m.group(1);
	}

	@Test
	void aCitizenRegistersVerifiesTheAddressAndThenVotes() throws Exception {
		String username = "cd" + UUID.randomUUID().toString().substring(0, 8);
		String email = username + "@example.vn";
		mvc.perform(get("/dang-ky")).andExpect(status().isOk()).andExpect(content().string(containsString("Đăng ký tài khoản")));
		String token = register(username, email);
		PollView p = accountPoll();
		String ballot = "{\"optionIds\":[" + p.options().get(0).id() + "]}";
		// not verified yet: refused with what to do
		mvc.perform(post("/api/v1/polls/{id}/votes", p.id()).contentType("application/json")
			.content(ballot)
			.with(httpBasic(username, "Matkhau@2026")))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.message", containsString("xác minh địa chỉ e-mail")));
		mvc.perform(get("/binh-chon/{id}", p.id()).with(user(userDetails.loadUserByUsername(username))))
			.andExpect(content().string(containsString("Xác minh e-mail để bình chọn")));
		// a wrong link changes nothing
		mvc.perform(get("/xac-minh-email").param("ma", "x".repeat(43)))
			.andExpect(content().string(containsString("không đúng hoặc không còn hiệu lực")));
		mvc.perform(get("/xac-minh-email").param("ma", token))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("đã được xác minh")));
		mvc.perform(get("/xac-minh-email").param("ma", token))
			.andExpect(content().string(containsString("đã được dùng")));
		mvc.perform(post("/api/v1/polls/{id}/votes", p.id()).contentType("application/json")
			.content(ballot)
			.with(httpBasic(username, "Matkhau@2026"))).andExpect(status().isCreated());
		mvc.perform(post("/api/v1/polls/{id}/votes", p.id()).contentType("application/json")
			.content(ballot)
			.with(httpBasic(username, "Matkhau@2026")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.alreadyVoted").value(true));
		// the fraud view sees an account that voted within a minute of registering
		PollService.Fraud fraud = polls.fraud(users.load("bandanvan"), p.id());
		assertThat(fraud.byAccountAge()).extracting(PollService.Fraud.Count::key).containsExactly("1m");
		assertThat(fraud.byAccountAge().get(0).ballots()).isEqualTo(1);
	}

	@Test
	void expiredLinksAreRefusedAndANewOneCanBeSent() throws Exception {
		String username = "cd" + UUID.randomUUID().toString().substring(0, 8);
		String email = username + "@example.vn";
		String token = register(username, email);
		jdbc.sql("update email_verification set expires_at = ? where user_id = (select id from app_user where username = ?)")
			.params(java.sql.Timestamp.from(Instant.now().minusSeconds(1)), username)
			.update();
		mvc.perform(get("/xac-minh-email").param("ma", token))
			.andExpect(content().string(containsString("hết hạn")));
		assertThat(jdbc.sql("select email_verified_at from app_user where username = ?")
			.params(username)
			.query(java.sql.Timestamp.class)
			.optional()).isEmpty();
		mvc.perform(post("/tai-khoan/xac-minh-email").with(csrf()).with(user(userDetails.loadUserByUsername(username))))
			.andExpect(status().is3xxRedirection());
		List<Message> mails = TestMail.waitFor(email, 2, Duration.ofSeconds(10));
		assertThat(mails).hasSize(2);
		Matcher m = LINK.matcher(TestMail.body(mails.get(1)).replace("=\r\n", "").replace("=3D", "="));
		assertThat(m.find()).isTrue();
		assertThat(m.group(1)).isNotEqualTo(token);
		mvc.perform(get("/xac-minh-email").param("ma", m.group(1)))
			.andExpect(content().string(containsString("đã được xác minh")));
	}

	@Test
	void badRegistrationsSayWhatToFixAndCreateNothing() throws Exception {
		String username = "cd" + UUID.randomUUID().toString().substring(0, 8);
		mvc.perform(post("/dang-ky").with(csrf())
			.param("username", username)
			.param("email", username + "@example.vn")
			.param("password", "Matkhau@2026")
			.param("passwordConfirm", "Matkhau@2027"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Hai lần nhập mật khẩu không khớp nhau")))
			.andExpect(content().string(containsString("value=\"" + username + "\"")));
		mvc.perform(post("/dang-ky").with(csrf())
			.param("username", username)
			.param("email", "congdan@demo.dvk.vn")
			.param("password", "Matkhau@2026")
			.param("passwordConfirm", "Matkhau@2026"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("đã được dùng cho một tài khoản khác")));
		mvc.perform(post("/dang-ky").with(csrf())
			.param("username", "Có Dấu")
			.param("email", "a@b.vn")
			.param("password", "Matkhau@2026")
			.param("passwordConfirm", "Matkhau@2026"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("is-invalid")));
		assertThat(jdbc.sql("select count(*) from app_user where username = ?").params(username).query(Long.class).single())
			.isZero();
	}

	@Test
	void theDemoCitizenIsVerified() throws Exception {
		mvc.perform(get("/tai-khoan/xac-minh-email").with(user(users.load("congdan"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("đã được xác minh")));
	}

}
