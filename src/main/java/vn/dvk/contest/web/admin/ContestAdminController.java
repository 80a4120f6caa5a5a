package vn.dvk.contest.web.admin;

import vn.dvk.contest.ContestEntries;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.dvk.account.AccountService;
import vn.dvk.account.DvkUser;
import vn.dvk.account.UserView;
import vn.dvk.contest.ContestRecords;
import vn.dvk.contest.ContestService;
import vn.dvk.judging.Aggregation;
import vn.dvk.judging.ConflictKind;
import vn.dvk.judging.Rubrics;
import vn.dvk.shared.Texts;
import vn.dvk.shared.UserFacingException;

/** The contest in the back office: set-up, entries and eligibility, rounds and juries, sheets, prizes, publication. */
@Controller
@RequestMapping("/quan-tri/cuoc-thi")
class ContestAdminController {

	private final vn.dvk.contest.ContestEntries entries;

	private final ContestService contests;

	private final Rubrics rubrics;

	private final AccountService accounts;

	private final Texts texts;

	private final vn.dvk.registry.RegistryService registry;

	private final vn.dvk.contest.ContestExports exports;

	ContestAdminController(ContestService contests, Rubrics rubrics, AccountService accounts, Texts texts,
			vn.dvk.registry.RegistryService registry, vn.dvk.contest.ContestExports exports, vn.dvk.contest.ContestEntries entries) {
		this.entries = entries;
		this.exports = exports;
		this.registry = registry;
		this.contests = contests;
		this.rubrics = rubrics;
		this.accounts = accounts;
		this.texts = texts;
	}

	@GetMapping
	String list(@AuthenticationPrincipal DvkUser user, @RequestParam(defaultValue = "0") int page, Model model) {
		vn.dvk.shared.PageResult<vn.dvk.contest.ContestRecords.Contest> result = contests
			.contests(new vn.dvk.shared.PageResult.Request(Math.max(0, page), vn.dvk.shared.PageResult.DEFAULT_SIZE));
		model.addAttribute("result", result);
		model.addAttribute("contests", result.items());
		model.addAttribute("myRounds", contests.roundsOf(user));
		return "contest/admin/list";
	}

	@PostMapping
	String create(@AuthenticationPrincipal DvkUser user, @RequestParam String name,
			@RequestParam(required = false) String rules, @RequestParam(required = false) String phase,
			@RequestParam(required = false) LocalDate publishedFrom, @RequestParam(required = false) LocalDate publishedTo,
			@RequestParam(required = false) LocalDate entriesClose, @RequestParam(defaultValue = "20") int maxFileMb,
			@RequestParam(defaultValue = "") String categories, @RequestParam(defaultValue = "") String prizes,
			RedirectAttributes redirect) {
		List<String[]> prizeLines = new ArrayList<>();
		for (String line : prizes.split("\\R")) {
			if (!line.isBlank()) {
				String[] p = line.split("\\|");
				prizeLines.add(p.length == 5 ? p : new String[] { line, "", "", "", "" });
			}
		}
		try {
			ContestRecords.Contest c = contests.create(user, name, rules, phase, publishedFrom, publishedTo, entriesClose,
					maxFileMb, List.of(categories.split("\\R")), prizeLines);
			redirect.addFlashAttribute("success", texts.get("contest.created"));
			return "redirect:/quan-tri/cuoc-thi/" + c.id();
		}
		catch (UserFacingException ex) {
			redirect.addFlashAttribute("failure", texts.get(ex));
			return "redirect:/quan-tri/cuoc-thi";
		}
	}

	@GetMapping("/{id}")
	String contest(@AuthenticationPrincipal DvkUser user, @PathVariable long id,
			@RequestParam(defaultValue = "0") int page, Model model) {
		boolean staff = contests.runs(user);
		model.addAttribute("c", contests.contest(id));
		model.addAttribute("staff", staff);
		List<ContestRecords.Entry> all = staff ? contests.entries(id) : contests.entriesOf(user, id);
		int size = 50;
		int from = Math.min(Math.max(0, page) * size, all.size());
		vn.dvk.shared.PageResult<ContestRecords.Entry> entries = new vn.dvk.shared.PageResult<>(
				all.subList(from, Math.min(from + size, all.size())), all.size(), Math.max(0, page), size);
		model.addAttribute("entryPage", entries);
		model.addAttribute("entries", entries.items());
		model.addAttribute("rounds", contests.rounds(id));
		model.addAttribute("templates", rubrics.templates());
		model.addAttribute("methods", Aggregation.Method.values());
		model.addAttribute("today", LocalDate.now(vn.dvk.registry.RegistryFigures.ZONE));
		Map<Long, String> prizeNames = new HashMap<>();
		contests.contest(id).categories().forEach(cat -> cat.prizes().forEach(p -> prizeNames.put(p.id(), p.name())));
		model.addAttribute("prizeNames", prizeNames);
		// the exemplars an entry may be about: recognized ones of the public directory
		model.addAttribute("models", registry.directory(new vn.dvk.registry.ModelQuery(null, null, null, null, null,
				vn.dvk.registry.ModelStatus.RECOGNIZED_STATES, null, null, null), new vn.dvk.shared.PageResult.Request(0, 200))
			.items());
		return "contest/admin/contest";
	}

	@PostMapping("/{id}/tac-pham")
	String submit(@AuthenticationPrincipal DvkUser user, @PathVariable long id, @RequestParam Map<String, String> form,
			@RequestParam(name = "files", required = false) List<MultipartFile> files,
			@RequestParam(name = "model", required = false) List<Long> models, Model model,
			RedirectAttributes redirect) throws java.io.IOException {
		try {
			List<ContestRecords.Author> authors = new ArrayList<>();
			for (int i = 0; i < 5; i++) {
				authors.add(new ContestRecords.Author(form.get("author" + i), form.get("pen" + i)));
			}
			List<ContestRecords.Upload> uploads = new ArrayList<>();
			for (MultipartFile f : files == null ? List.<MultipartFile>of() : files) {
				if (!f.isEmpty()) {
					uploads.add(new ContestRecords.Upload(f.getOriginalFilename(), f.getContentType(), f.getBytes()));
				}
			}
			LocalDate published = form.get("publishedOn") == null || form.get("publishedOn").isBlank() ? null
					: LocalDate.parse(form.get("publishedOn"));
			long category = Long.parseLong(form.getOrDefault("categoryId", "0"));
			entries.submit(user, id, new ContestRecords.EntryDraft(category, form.get("title"), authors,
					form.get("outlet"), published, form.get("link"), form.get("summary"), models, uploads));
			redirect.addFlashAttribute("success", texts.get("contest.entry.submitted"));
			return "redirect:/quan-tri/cuoc-thi/" + id;
		}
		catch (UserFacingException ex) {
			// shown again with what was typed (files must be chosen again: browsers do not keep them)
			model.addAttribute("failure", texts.get(ex));
			model.addAttribute("form", form);
			return contest(user, id, 0, model);
		}
	}

	@PostMapping("/tac-pham/{entry}/hop-le")
	String eligibility(@AuthenticationPrincipal DvkUser user, @PathVariable long entry, @RequestParam String action,
			@RequestParam(required = false) String reason, RedirectAttributes redirect) {
		long contest = contests.entry(entry).contestId();
		return act(redirect, "/quan-tri/cuoc-thi/" + contest, () -> {
			entries.checkEligibility(user, entry, "eligible".equals(action), reason);
			return texts.get("eligible".equals(action) ? "contest.eligibility.eligible" : "contest.eligibility.ineligible");
		});
	}

	@PostMapping("/{id}/vong")
	String addRound(@AuthenticationPrincipal DvkUser user, @PathVariable long id, @RequestParam ContestRecords.Stage stage,
			@RequestParam(required = false) String name, @RequestParam(required = false) LocalDate startsOn,
			@RequestParam(required = false) LocalDate endsOn, @RequestParam(required = false) Long templateId,
			@RequestParam(required = false) Aggregation.Method method, @RequestParam(defaultValue = "false") boolean blind,
			RedirectAttributes redirect) {
		return act(redirect, "/quan-tri/cuoc-thi/" + id, () -> {
			contests.addRound(user, id, stage, name, startsOn, endsOn, templateId, method, blind);
			return texts.get("contest.round.added");
		});
	}

	/** The forwarding package for a higher-level contest: the ticked entries' list (XLSX) and files, zipped. */
	@GetMapping("/{id}/chuyen-tiep.zip")
	void forward(@AuthenticationPrincipal DvkUser user, @PathVariable long id,
			@RequestParam(name = "entry", required = false) List<Long> entries,
			jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
		java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
		exports.forward(user, id, entries, body);
		response.setContentType("application/zip");
		response.setHeader(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
				"attachment; filename=\"chuyen-tiep-cuoc-thi-" + id + ".zip\"");
		response.setContentLength(body.size());
		body.writeTo(response.getOutputStream());
	}

	@PostMapping("/{id}/cong-bo")
	String publish(@AuthenticationPrincipal DvkUser user, @PathVariable long id,
			@RequestParam(defaultValue = "false") boolean confirm, RedirectAttributes redirect) {
		return act(redirect, "/quan-tri/cuoc-thi/" + id, () -> {
			contests.publish(user, id, confirm);
			return texts.get("contest.published");
		});
	}

	private String act(RedirectAttributes redirect, String back, java.util.function.Supplier<String> work) {
		try {
			redirect.addFlashAttribute("success", work.get());
		}
		catch (UserFacingException ex) {
			redirect.addFlashAttribute("failure", texts.get(ex));
		}
		return "redirect:" + back;
	}

}
