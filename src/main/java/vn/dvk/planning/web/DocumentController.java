package vn.dvk.planning.web;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import vn.dvk.planning.DirectiveService;
import vn.dvk.shared.PageResult;
import vn.dvk.shared.UserFacingException;

/** The public documents section (Văn bản): search by words, type and year; a page per document; its PDF. */
@Controller
class DocumentController {

	private final DirectiveService directives;

	DocumentController(DirectiveService directives) {
		this.directives = directives;
	}

	@GetMapping("/van-ban")
	String list(@RequestParam(required = false) String q, @RequestParam(required = false) String type,
			@RequestParam(required = false) Integer year, @RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("result", directives.search(q, type, year, new PageResult.Request(Math.max(0, page), 20)));
		model.addAttribute("q", q);
		model.addAttribute("type", type);
		model.addAttribute("year", year);
		model.addAttribute("types", directives.types());
		return "planning/documents";
	}

	@GetMapping("/van-ban/{id}")
	String show(@PathVariable long id, Model model) {
		model.addAttribute("d", directives.get(id).orElseThrow(() -> UserFacingException.notFound("planning.document.notFound")));
		return "planning/document";
	}

	@GetMapping("/van-ban/{id}/tep")
	ResponseEntity<byte[]> file(@PathVariable long id) {
		DirectiveService.Document d = directives.get(id)
			.orElseThrow(() -> UserFacingException.notFound("planning.document.notFound"));
		byte[] pdf = directives.file(id).orElseThrow(() -> UserFacingException.notFound("planning.document.noFile"));
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, org.springframework.http.ContentDisposition.inline()
				.filename(d.fileName(), java.nio.charset.StandardCharsets.UTF_8)
				.build()
				.toString())
			.body(pdf);
	}

}
