package vn.dvk.portal;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.dvk.system.AuditLog;
import vn.dvk.shared.PageResult;

/** Administrators browse the audit trail, filtered by actor, action, record type and dates. */
@Controller
class AuditAdminController {

	private final AuditLog audit;

	AuditAdminController(AuditLog audit) {
		this.audit = audit;
	}

	@GetMapping("/quan-tri/nhat-ky")
	String list(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
			@RequestParam(required = false) String targetType,
			@RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM-dd") LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM-dd") LocalDate to,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size, Model model) {
		AuditLog.Query query = new AuditLog.Query(actor, action, targetType, from, to);
		model.addAttribute("query", query);
		model.addAttribute("actions", audit.actions());
		model.addAttribute("result", audit.search(query, new PageResult.Request(page, size)));
		return "system/admin/audit";
	}

}
