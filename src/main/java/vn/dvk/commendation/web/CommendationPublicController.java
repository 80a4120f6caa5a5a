package vn.dvk.commendation.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import vn.dvk.commendation.CommendationService;

/** The public side of commendation: the conferences and their awardees. */
@Controller
class CommendationPublicController {

	private final CommendationService commendations;

	CommendationPublicController(CommendationService commendations) {
		this.commendations = commendations;
	}

	@GetMapping("/bieu-duong")
	String list(@org.springframework.web.bind.annotation.RequestParam(defaultValue = "0") int page, Model model) {
		vn.dvk.shared.PageResult<CommendationService.Conference> result = commendations
			.conferences(new vn.dvk.shared.PageResult.Request(Math.max(0, page), vn.dvk.shared.PageResult.DEFAULT_SIZE));
		model.addAttribute("result", result);
		model.addAttribute("conferences", result.items());
		return "commendation/list";
	}

	@GetMapping("/bieu-duong/{id}")
	String conference(@PathVariable long id, Model model) {
		model.addAttribute("c", commendations.conference(id));
		model.addAttribute("awardees", commendations.awardees(id));
		return "commendation/conference";
	}

}
