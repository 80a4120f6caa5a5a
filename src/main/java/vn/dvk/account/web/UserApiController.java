package vn.dvk.account.web;

import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import vn.dvk.account.AccessScope;
import vn.dvk.account.AccountService;
import vn.dvk.account.Role;
import vn.dvk.account.UserCommand;
import vn.dvk.account.UserView;
import vn.dvk.shared.UserFacingException;

/** User provisioning for integrations (ADMIN only; the service checks it). */
@RestController
@RequestMapping("/api/v1/users")
@Tag(name = "Người dùng", description = "User provisioning")
class UserApiController {

	private final AccountService accounts;

	UserApiController(AccountService accounts) {
		this.accounts = accounts;
	}

	/** Roles and scope are the enum names, e.g. {@code ["OFFICER"]} and {@code "ORGANIZATION"}. */
	record NewUser(String username, String fullName, String email, String password, List<String> roles,
			Long organizationId, String scope) {
	}

	@PostMapping
	@Operation(summary = "Create a user (ADMIN); answers 201 with the new id")
	ResponseEntity<Map<String, Object>> create(@RequestBody NewUser body) {
		UserView created = accounts.create(new UserCommand(body.username(), body.fullName(), body.email(),
				body.password(), roles(body.roles()), body.organizationId(), scope(body.scope())));
		return ResponseEntity.created(URI.create("/api/v1/users/" + created.id())).body(Map.of("id", created.id()));
	}

	private static Set<Role> roles(List<String> names) {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		if (names != null) {
			for (String name : names) {
				try {
					roles.add(Role.valueOf(name.trim().toUpperCase(java.util.Locale.ROOT)));
				}
				catch (IllegalArgumentException | NullPointerException ex) {
					throw UserFacingException.field("roles", "account.roles.unknown", String.valueOf(name));
				}
			}
		}
		return roles;
	}

	private static AccessScope scope(String name) {
		if (name == null || name.isBlank()) {
			return null;
		}
		try {
			return AccessScope.valueOf(name.trim().toUpperCase(java.util.Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw UserFacingException.field("scope", "account.scope.unknown", name);
		}
	}

}
