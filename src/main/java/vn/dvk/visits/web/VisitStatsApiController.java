package vn.dvk.visits.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.dvk.visits.VisitorSnapshot;
import vn.dvk.visits.VisitorStatistics;

/** Public visitor statistics (read only: nothing a client sends changes a count). */
@RestController
@Tag(name = "Thống kê truy cập")
class VisitStatsApiController {

	private final VisitorStatistics statistics;

	VisitStatsApiController(VisitorStatistics statistics) {
		this.statistics = statistics;
	}

	@Operation(summary = "Người trực tuyến, tổng lượt truy cập, hôm nay và hôm qua")
	@GetMapping("/api/v1/stats/visitors")
	VisitorSnapshot visitors() {
		return statistics.snapshot();
	}

}
