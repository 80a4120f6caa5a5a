package vn.dvk.judging;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import vn.dvk.account.AccountService;
import vn.dvk.account.UserView;
import vn.dvk.shared.Texts;
import vn.dvk.shared.UserFacingException;
import vn.dvk.shared.VietnameseFormats;
import vn.dvk.system.MailOutbox;
import vn.dvk.system.SiteSettings;

/** The e-mail that reminds a panel member of the sheets still missing (text from {@code judging.remind.*}). */
@Component
class Reminders {

	private static final Locale VI = Locale.forLanguageTag("vi");

	private final AccountService accounts;

	private final MailOutbox mail;

	private final SiteSettings site;

	private final Texts texts;

	Reminders(AccountService accounts, MailOutbox mail, SiteSettings site, Texts texts) {
		this.accounts = accounts;
		this.mail = mail;
		this.site = site;
		this.texts = texts;
	}

	/** Queues the reminder and returns the member's user name; refused when the member has no address. */
	String send(Panel panel, PanelOwner owner, long memberId, List<Long> subjects) {
		UserView member = accounts.find(memberId).orElseThrow(() -> UserFacingException.notFound("account.notFound"));
		if (member.email() == null) {
			throw UserFacingException.badRequest("judging.remind.noEmail", member.fullName());
		}
		String list = subjects.stream().map(id -> "- " + owner.subjectName(id)).collect(Collectors.joining("\n"));
		String name = owner.panelName(panel);
		String deadline = panel.deadline() == null ? ""
				: texts.in(VI, "judging.remind.deadline", VietnameseFormats.date(panel.deadline()));
		mail.enqueue(member.email(), texts.in(VI, "judging.remind.subject", name),
				texts.in(VI, "judging.remind.body", member.fullName(), name, subjects.size(), list, deadline,
						site.absolute(owner.panelPath(panel)), site.name()));
		return member.username();
	}

}
