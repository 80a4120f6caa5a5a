package vn.dvk.account;

import java.util.Locale;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Loads accounts for form login and HTTP Basic; usernames are case-insensitive. */
@Service
class DvkUserDetailsService implements UserDetailsService {

	private final UserAccounts accounts;

	DvkUserDetailsService(UserAccounts accounts) {
		this.accounts = accounts;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		String name = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
		return accounts.findByUsername(name)
			.map(DvkUserDetailsService::toUser)
			.orElseThrow(() -> new UsernameNotFoundException("unknown"));
	}

	static DvkUser toUser(UserAccount a) {
		return new DvkUser(a.getId(), a.getUsername(), a.getPasswordHash(), a.getFullName(), a.roleSet(),
				a.getScope(), a.getOrganizationId(), a.isEnabled(), a.getLockedUntil());
	}

}
