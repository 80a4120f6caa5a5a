package vn.dvk.system;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The portal's home and about pages. The home page shows news, exemplars and polls as their modules arrive; until
 * then it shows their empty states.
 */
@Controller
class HomeController {

	@GetMapping("/")
	String home() {
		return "system/home";
	}

	@GetMapping("/gioi-thieu")
	String about() {
		return "system/about";
	}

}
