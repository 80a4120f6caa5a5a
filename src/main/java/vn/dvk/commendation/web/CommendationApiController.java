package vn.dvk.commendation.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.dvk.commendation.CommendationService;

/** Commendation conferences and their awardees as JSON (public). */
@RestController
@Tag(name = "Biểu dương")
class CommendationApiController {

	private final CommendationService commendations;

	CommendationApiController(CommendationService commendations) {
		this.commendations = commendations;
	}

	record Item(long id, String name, String phase, java.time.LocalDate date) {
	}

	@Operation(summary = "Các hội nghị biểu dương")
	@GetMapping("/api/v1/commendations")
	Map<String, List<Item>> api() {
		return Map.of("items", commendations.conferences()
			.stream()
			.map(c -> new Item(c.id(), c.name(), c.phase(), c.heldOn()))
			.toList());
	}

	@Operation(summary = "Một hội nghị biểu dương và những mô hình, điển hình được biểu dương")
	@GetMapping("/api/v1/commendations/{id}")
	Map<String, Object> apiOne(@PathVariable long id) {
		CommendationService.Conference c = commendations.conference(id);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("name", c.name());
		body.put("phase", c.phase());
		body.put("awardees", commendations.awardees(id)
			.stream()
			.map(a -> Map.of("modelId", a.modelId(), "name", a.modelName(), "awardForm", a.awardForm()))
			.toList());
		return body;
	}

}
