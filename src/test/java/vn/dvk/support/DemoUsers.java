package vn.dvk.support;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.stereotype.Component;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import vn.dvk.account.DvkUser;

/** The demo accounts (see README), for acting as a given role in MockMvc requests. */
@Component
public class DemoUsers {

	public static final String PASSWORD = "Demo@2026";

	@Autowired
	private UserDetailsService users;

	public DvkUser load(String username) {
		return (DvkUser) users.loadUserByUsername(username);
	}

	public RequestPostProcessor as(String username) {
		return SecurityMockMvcRequestPostProcessors.user(load(username));
	}

}
