package vn.dvk.contest.web;

import vn.dvk.contest.ContestEntries;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import vn.dvk.account.DvkUser;
import vn.dvk.contest.ContestService;

/** The public contest pages: the contests, one contest's rules and, once published, its results. */
@Controller
class ContestPublicController {

	private final ContestEntries entries;

	private final ContestService contests;

	private final vn.dvk.contest.ContestExports exports;

	ContestPublicController(ContestService contests, vn.dvk.contest.ContestExports exports, ContestEntries entries) {
		this.entries = entries;
		this.contests = contests;
		this.exports = exports;
	}

	/** The results as XLSX or PDF: public once published, staff any time. */
	@GetMapping("/cuoc-thi/{id}/ket-qua.{format:xlsx|pdf}")
	ResponseEntity<byte[]> results(@AuthenticationPrincipal DvkUser user, @PathVariable long id,
			@PathVariable String format) throws java.io.IOException {
		java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
		if ("xlsx".equals(format)) {
			exports.resultsXlsx(user, id, body);
		}
		else {
			exports.resultsPdf(user, id, body);
		}
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_TYPE, "xlsx".equals(format)
					? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "application/pdf")
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"ket-qua-cuoc-thi-" + id + "." + format + "\"")
			.body(body.toByteArray());
	}

	@GetMapping("/cuoc-thi")
	String list(@org.springframework.web.bind.annotation.RequestParam(defaultValue = "0") int page, Model model) {
		vn.dvk.shared.PageResult<vn.dvk.contest.ContestRecords.Contest> result = contests
			.contests(new vn.dvk.shared.PageResult.Request(Math.max(0, page), vn.dvk.shared.PageResult.DEFAULT_SIZE));
		model.addAttribute("result", result);
		model.addAttribute("contests", result.items());
		return "contest/list";
	}

	@GetMapping("/cuoc-thi/{id}")
	String contest(@PathVariable long id, Model model) {
		model.addAttribute("c", contests.contest(id));
		model.addAttribute("results", contests.publicResults(id).orElse(null));
		return "contest/contest";
	}

	@GetMapping("/cuoc-thi/tep/{fileId}")
	ResponseEntity<byte[]> file(@AuthenticationPrincipal DvkUser user, @PathVariable long fileId) {
		byte[] bytes = entries.file(user, fileId);
		String type = vn.dvk.documents.FileContent.detect(bytes) == vn.dvk.documents.FileContent.PDF ? "application/pdf"
				: "application/octet-stream";
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_TYPE, type)
			.header(HttpHeaders.CONTENT_DISPOSITION, "inline")
			.header("X-Content-Type-Options", "nosniff")
			.body(bytes);
	}

}
