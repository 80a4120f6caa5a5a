package vn.dvk.judging.web;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.dvk.account.DvkUser;
import vn.dvk.judging.ConflictKind;
import vn.dvk.judging.Judging;
import vn.dvk.judging.MemberSheet;
import vn.dvk.judging.Panel;
import vn.dvk.judging.Rubrics;
import vn.dvk.shared.Texts;
import vn.dvk.shared.UserFacingException;

/**
 * The pages every judging panel has, whatever it judges: a member's sheet (score, save, submit, declare a conflict),
 * the chair's reading of every member's sheets, reminders, exclusions and closing. A module's round controller
 * extends this under its own path ({@code /quan-tri/tham-dinh}, {@code /quan-tri/cuoc-thi/vong}) and says which
 * panel a round has, where its page is, and how a subject is shown. Who may do what is the judging module's (and
 * the access policy's), never the page's.
 */
public abstract class PanelPages {

	protected final Judging judging;

	protected final Texts texts;

	protected PanelPages(Judging judging, Texts texts) {
		this.judging = judging;
		this.texts = texts;
	}

	/** The judging panel of one of the module's rounds. */
	protected abstract long panelOf(long roundId);

	/** The round's page, e.g. {@code /quan-tri/tham-dinh/7}. */
	protected abstract String roundPath(long roundId);

	/**
	 * What the sheet pages show of a subject, checked for the user: at least the attributes {@code subjectName},
	 * {@code subjectTemplate} (a template whose fragment {@code subject} shows it), {@code roundName} and
	 * {@code sectionName}/{@code sectionPath} for the breadcrumb.
	 */
	protected abstract void describe(DvkUser user, long roundId, long subjectId, Model model);

	@GetMapping("/{id}/cham/{subject}")
	String sheet(@AuthenticationPrincipal DvkUser user, @PathVariable long id, @PathVariable long subject, Model model) {
		Judging.Sheet sheet = judging.sheet(user, panelOf(id), subject);
		describe(user, id, subject, model);
		model.addAttribute("panel", sheet.panel());
		model.addAttribute("scores", sheet.scores());
		model.addAttribute("comments", sheet.comments());
		model.addAttribute("conflict", sheet.conflict());
		model.addAttribute("kinds", ConflictKind.declarable());
		model.addAttribute("base", roundPath(id));
		model.addAttribute("subjectId", subject);
		return "judging/sheet";
	}

	@PostMapping("/{id}/cham/{subject}")
	String score(@AuthenticationPrincipal DvkUser user, @PathVariable long id, @PathVariable long subject,
			@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
		long panel = panelOf(id);
		Rubrics.Posted sheet = Rubrics.read(judging.panel(panel).criteria(), form);
		boolean submit = "submit".equals(form.get("action"));
		try {
			if (sheet.notANumber() != null) {
				throw sheet.refusal();
			}
			judging.score(user, panel, subject, sheet.scores(), sheet.comments(), submit);
			redirect.addFlashAttribute("success", texts.get(submit ? "judging.sheet.submitted" : "judging.sheet.saved"));
			return "redirect:" + roundPath(id) + (submit ? "" : "/cham/" + subject);
		}
		catch (UserFacingException ex) {
			// shown again with what was typed
			String page = sheet(user, id, subject, model);
			model.addAttribute("failure", texts.get(ex));
			model.addAttribute("scores", sheet.scores());
			model.addAttribute("comments", sheet.comments());
			return page;
		}
	}

	@PostMapping("/{id}/xung-dot/{subject}")
	String declare(@AuthenticationPrincipal DvkUser user, @PathVariable long id, @PathVariable long subject,
			@RequestParam(required = false) ConflictKind kind, @RequestParam(required = false) String note,
			RedirectAttributes redirect) {
		return act(redirect, roundPath(id), () -> {
			judging.declare(user, panelOf(id), subject, kind, note);
			return texts.get("judging.sheet.conflictDeclared");
		});
	}

	/** The chair's (or staff's) reading of one subject: every member's scores and comments per criterion. */
	@GetMapping("/{id}/phieu/{subject}")
	String sheets(@AuthenticationPrincipal DvkUser user, @PathVariable long id, @PathVariable long subject,
			Model model) {
		long panelId = panelOf(id);
		List<MemberSheet> sheets = judging.sheets(user, panelId, subject);
		describe(user, id, subject, model);
		Panel panel = judging.panel(panelId);
		model.addAttribute("panel", panel);
		model.addAttribute("sheets", sheets);
		model.addAttribute("base", roundPath(id));
		return "judging/sheets";
	}

	@PostMapping("/{id}/nhac/{member}")
	String remind(@AuthenticationPrincipal DvkUser user, @PathVariable long id, @PathVariable long member,
			RedirectAttributes redirect) {
		return act(redirect, roundPath(id),
				() -> texts.get("judging.remind.sent", judging.remind(user, panelOf(id), member)));
	}

	@PostMapping("/{id}/khong-giao")
	String exclude(@AuthenticationPrincipal DvkUser user, @PathVariable long id, @RequestParam long member,
			@RequestParam long subject, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
		return act(redirect, roundPath(id), () -> {
			judging.exclude(user, panelOf(id), member, subject, reason);
			return texts.get("judging.exclude.done");
		});
	}

	@PostMapping("/{id}/ket-thuc")
	String close(@AuthenticationPrincipal DvkUser user, @PathVariable long id,
			@RequestParam(defaultValue = "false") boolean confirm, RedirectAttributes redirect) {
		return act(redirect, roundPath(id), () -> {
			judging.close(user, panelOf(id), confirm);
			return texts.get("judging.closed.done");
		});
	}

	/** Runs a change and comes back to the page with what happened or why not. */
	protected String act(RedirectAttributes redirect, String back, Supplier<String> work) {
		try {
			redirect.addFlashAttribute("success", work.get());
		}
		catch (UserFacingException ex) {
			redirect.addFlashAttribute("failure", texts.get(ex));
		}
		return "redirect:" + back;
	}

}
