package vn.dvk.system;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

import vn.dvk.account.DvkUser;
import vn.dvk.account.Role;
import vn.dvk.shared.ApiErrors;

/**
 * Two filter chains: {@code /api/**} is stateless with HTTP Basic and answers 401/403 as JSON (never a login
 * redirect); everything else uses form login with CSRF protection. Public pages are open by default; the back
 * office ({@code /quan-tri}), the account pages and Swagger UI need a login. Services check roles and scopes again.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	static final String LOGIN = "/dang-nhap";

	static final String LAST_USERNAME = "dvk.lastUsername";

	/** No inline script or style anywhere: every script and style sheet is a file served by us. */
	static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
			+ "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
			+ "frame-ancestors 'self'";

	private static final String[] STAFF = java.util.Arrays.stream(Role.values())
		.filter(Role::isStaff)
		.map(Role::name)
		.toArray(String[]::new);

	/**
	 * No timing of every security filter, authentication and authorization: nothing reads those metrics, and they
	 * cost about a tenth of the CPU of a vote (bench/votes.sh, JFR).
	 */
	@Bean
	static org.springframework.security.config.observation.SecurityObservationSettings securityObservations() {
		return org.springframework.security.config.observation.SecurityObservationSettings.noObservations();
	}

	@Bean
	@Order(1)
	SecurityFilterChain apiChain(HttpSecurity http, ApiErrors errors) throws Exception {
		http.securityMatcher("/api/**")
			.authorizeHttpRequests(a -> a.requestMatchers(HttpMethod.GET, "/api/v1/localities", "/api/v1/localities/**",
					"/api/v1/organizations", "/api/v1/organizations/**", "/api/v1/models", "/api/v1/models/**",
					"/api/v1/news", "/api/v1/news/*", "/api/v1/stats/visitors", "/api/v1/polls/active", "/api/v1/polls/*/challenge", "/api/v1/commendations", "/api/v1/commendations/*",
					"/api/v1/polls/*/results", "/api/v1/documents", "/api/v1/open-data/**", "/api/v1/contests", "/api/v1/contests/*/results")
				.permitAll()
				// Voting in OPEN polls needs no account; the service checks each poll's rule.
				.requestMatchers(HttpMethod.POST, "/api/v1/polls/*/votes")
				.permitAll()
				.anyRequest()
				.authenticated())
			.httpBasic(b -> b.authenticationEntryPoint((req, res, ex) -> unauthorized(errors, req, res)))
			.exceptionHandling(e -> e.authenticationEntryPoint((req, res, ex) -> unauthorized(errors, req, res))
				.accessDeniedHandler((req, res, ex) -> errors.write(req, res, HttpStatus.FORBIDDEN, "error.403.api")))
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(c -> c.disable())
			.headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives("default-src 'none'; frame-ancestors 'none'"))
				.referrerPolicy(r -> r.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)));
		return http.build();
	}

	private static void unauthorized(ApiErrors errors, HttpServletRequest req, HttpServletResponse res)
			throws IOException {
		// Tell clients how to authenticate, without the browser's own login pop-up realm text mattering.
		res.setHeader("WWW-Authenticate", "Basic realm=\"DVK API\"");
		errors.write(req, res, HttpStatus.UNAUTHORIZED, "error.401.api");
	}

	@Bean
	@Order(2)
	SecurityFilterChain webChain(HttpSecurity http, SecuritySettings settings, UserDetailsService users)
			throws Exception {
		http.authorizeHttpRequests(a -> a.requestMatchers("/actuator/health", "/actuator/health/**")
			.permitAll()
			.requestMatchers("/actuator/**")
			.denyAll()
			.requestMatchers("/swagger-ui/**", "/swagger-ui.html")
			.hasAnyRole(Role.ADMIN.name(), Role.PROVINCE_STAFF.name())
			.requestMatchers("/quan-tri/**")
			.hasAnyRole(STAFF)
			.requestMatchers("/tai-khoan/**")
			.authenticated()
			.anyRequest()
			.permitAll())
			.formLogin(f -> f.loginPage(LOGIN)
				.loginProcessingUrl(LOGIN)
				.successHandler(successHandler())
				.failureHandler(failureHandler())
				.permitAll())
			.logout(l -> l.logoutUrl("/dang-xuat").logoutSuccessUrl(LOGIN + "?logout").deleteCookies("DVK_SESSION"))
			.headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CSP))
				.referrerPolicy(r -> r.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
				.frameOptions(f -> f.sameOrigin()));
		if (settings.rememberMe()) {
			if (settings.rememberMeKey() == null || settings.rememberMeKey().length() < 16) {
				throw new IllegalStateException(
						"dvk.security.remember-me=true needs dvk.security.remember-me-key (at least 16 characters)");
			}
			http.rememberMe(r -> r.key(settings.rememberMeKey()).userDetailsService(users));
		}
		return http.build();
	}

	/** Back-office users land on the dashboard, citizens on the home page; a saved request wins over both. */
	private static SavedRequestAwareAuthenticationSuccessHandler successHandler() {
		SavedRequestAwareAuthenticationSuccessHandler handler = new SavedRequestAwareAuthenticationSuccessHandler() {
			@Override
			protected String determineTargetUrl(HttpServletRequest request, HttpServletResponse response,
					Authentication authentication) {
				boolean staff = authentication.getPrincipal() instanceof DvkUser user && user.isStaff();
				return staff ? "/quan-tri" : "/";
			}
		};
		return handler;
	}

	/** Says why the login failed (wrong credentials, locked, disabled) and keeps the username typed. */
	private static AuthenticationFailureHandler failureHandler() {
		return (HttpServletRequest request, HttpServletResponse response, AuthenticationException ex) -> {
			String reason = ex instanceof LockedException ? "locked"
					: ex instanceof DisabledException ? "disabled" : "bad";
			String username = request.getParameter("username");
			if (username != null) {
				String kept = username.trim().toLowerCase(Locale.ROOT);
				request.getSession().setAttribute(LAST_USERNAME, kept.length() > 60 ? kept.substring(0, 60) : kept);
			}
			response.sendRedirect(request.getContextPath() + LOGIN + "?error=" + reason);
		};
	}

}
