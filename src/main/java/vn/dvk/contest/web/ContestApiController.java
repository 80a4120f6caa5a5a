package vn.dvk.contest.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import vn.dvk.contest.ContestService;
import vn.dvk.shared.UserFacingException;

/** {@code GET /api/v1/contests} and the published results of one. */
@RestController
@RequestMapping("/api/v1/contests")
class ContestApiController {

	private final ContestService contests;

	ContestApiController(ContestService contests) {
		this.contests = contests;
	}

	@GetMapping
	Map<String, Object> list() {
		return Map.of("items", contests.contests().stream()
			.map(c -> Map.of("id", c.id(), "name", c.name(), "status", c.status().name()))
			.toList());
	}

	/** Published results only: an unpublished contest answers 404. */
	@GetMapping("/{id}/results")
	Map<String, Object> results(@PathVariable long id) {
		List<ContestService.CategoryResult> results = contests.publicResults(id)
			.orElseThrow(() -> UserFacingException.notFound("contest.results.notPublished"));
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("contest", contests.contest(id).name());
		body.put("categories", results.stream().map(cat -> Map.of("name", cat.category().name(), "prizes",
				cat.prizes().stream().map(p -> Map.of("prize", p.prize().name(), "entries", p.winners().stream().map(w -> {
					Map<String, Object> e = new LinkedHashMap<>();
					e.put("entryId", w.entryId());
					e.put("title", w.title());
					e.put("authors", w.authors());
					e.put("outlet", w.outlet());
					e.put("score", w.score());
					return e;
				}).toList())).toList())).toList());
		body.put("published", true);
		return body;
	}

}
