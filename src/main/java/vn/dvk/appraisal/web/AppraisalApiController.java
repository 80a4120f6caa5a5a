package vn.dvk.appraisal.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.dvk.account.DvkUser;
import vn.dvk.appraisal.AppraisalService;

/** Appraisal rounds and their results as JSON (staff and appraisers: the API chain requires a login). */
@RestController
@RequestMapping("/api/v1/appraisals")
@Tag(name = "Thẩm định")
class AppraisalApiController {

	private final AppraisalService appraisals;

	AppraisalApiController(AppraisalService appraisals) {
		this.appraisals = appraisals;
	}

	record Item(long id, String name, AppraisalService.Level level, String status) {
	}

	@Operation(summary = "Các đợt thẩm định người dùng được xem (cán bộ Ban: mọi đợt; thành viên hội đồng: đợt của mình)")
	@GetMapping
	Map<String, Object> list(@AuthenticationPrincipal DvkUser user, @RequestParam(defaultValue = "0") int page) {
		vn.dvk.shared.PageResult<AppraisalService.Round> rounds = appraisals.rounds(user,
				new vn.dvk.shared.PageResult.Request(Math.max(0, page), vn.dvk.shared.PageResult.DEFAULT_SIZE));
		return Map.of("items", rounds.items().stream().map(r -> new Item(r.id(), r.name(), r.level(), r.status())).toList(),
				"total", rounds.total(), "page", rounds.page());
	}

	@Operation(summary = "Kết quả một đợt: ba cách tổng hợp điểm, thứ hạng theo cách được chọn, quyết định")
	@GetMapping("/{id}/results")
	Map<String, Object> results(@AuthenticationPrincipal DvkUser user, @PathVariable long id) {
		AppraisalService.Results r = appraisals.results(user, id);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("roundId", id);
		body.put("decidingMethod", r.round().decidingMethod());
		body.put("models", r.lines().stream().map(l -> {
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("modelId", l.modelId());
			m.put("name", l.name());
			Map<String, Object> scores = new LinkedHashMap<>();
			scores.put("mean", l.figures() == null ? null : l.figures().mean());
			scores.put("trimmedMean", l.figures() == null ? null : l.figures().trimmedMean());
			scores.put("normalized", l.figures() == null ? null : l.figures().normalized());
			m.put("scores", scores);
			m.put("rank", l.rank());
			m.put("decision", l.decision());
			return m;
		}).toList());
		return body;
	}

}
