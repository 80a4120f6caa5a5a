package vn.dvk.contest.web;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.dvk.account.DvkUser;
import vn.dvk.contest.ContestService;
import vn.dvk.contest.PressKit;
import vn.dvk.shared.PageResult;
import vn.dvk.shared.Texts;
import vn.dvk.shared.UserFacingException;

/** The press kit (public): recognized exemplars with a contact and a fact sheet; staff recommend some to the press. */
@Controller
class PressKitController {

	private final PressKit kit;

	private final Texts texts;

	PressKitController(PressKit kit, Texts texts) {
		this.kit = kit;
		this.texts = texts;
	}

	@GetMapping("/bao-chi")
	String list(@AuthenticationPrincipal DvkUser user, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "false") boolean recommended, @RequestParam(defaultValue = "0") int page,
			Model model) {
		model.addAttribute("result", kit.list(q, recommended, new PageResult.Request(Math.max(0, page), 12)));
		model.addAttribute("q", q);
		model.addAttribute("recommendedOnly", recommended);
		return "contest/press";
	}

	@GetMapping("/bao-chi/{modelId}/thong-tin.pdf")
	ResponseEntity<byte[]> factSheet(@PathVariable long modelId) throws java.io.IOException {
		java.io.ByteArrayOutputStream pdf = new java.io.ByteArrayOutputStream();
		kit.factSheet(modelId, pdf);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"thong-tin-dien-hinh-" + modelId + ".pdf\"")
			.body(pdf.toByteArray());
	}

	@PostMapping("/quan-tri/bao-chi/{modelId}")
	String recommend(@AuthenticationPrincipal DvkUser user, @PathVariable long modelId,
			@RequestParam(defaultValue = "true") boolean recommend, @RequestParam(required = false) String note,
			RedirectAttributes redirect) {
		try {
			kit.recommend(user, modelId, recommend, note);
			redirect.addFlashAttribute("success", texts.get(recommend ? "contest.press.recommended" : "contest.press.withdrawn"));
		}
		catch (UserFacingException ex) {
			redirect.addFlashAttribute("failure", texts.get(ex));
		}
		return "redirect:/bao-chi";
	}

}
