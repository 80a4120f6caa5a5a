package vn.dvk.portal;

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

import vn.dvk.account.AccessPolicy;
import vn.dvk.account.Permission;
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

	/** {@link vn.dvk.account.Requires} names a permission, which {@code @PreAuthorize} receives as text. */
	@Bean
	static org.springframework.security.core.annotation.AnnotationTemplateExpressionDefaults templateDefaults() {
		return new org.springframework.security.core.annotation.AnnotationTemplateExpressionDefaults();
	}

	/**
	 * Back-office areas whose every page needs one permission (the services check it again on every change):
	 * the pages of an area show its lists and forms, which only the holders may use.
	 */
	static final java.util.Map<String, Permission> AREAS = java.util.Map.ofEntries(
			java.util.Map.entry("/quan-tri/nguoi-dung", Permission.MANAGE_USERS),
			java.util.Map.entry("/quan-tri/don-vi-hanh-chinh", Permission.MANAGE_UNITS),
			java.util.Map.entry("/quan-tri/co-quan-don-vi", Permission.MANAGE_UNITS),
			java.util.Map.entry("/quan-tri/loai-co-quan", Permission.MANAGE_UNITS),
			java.util.Map.entry("/quan-tri/danh-muc-mo-hinh", Permission.MANAGE_CATALOGUES),
			java.util.Map.entry("/quan-tri/nhat-ky", Permission.READ_AUDIT),
			java.util.Map.entry("/quan-tri/thong-ke-truy-cap", Permission.READ_VISIT_STATISTICS),
			java.util.Map.entry("/quan-tri/binh-chon", Permission.RUN_POLLS),
			java.util.Map.entry("/quan-tri/don-doc", Permission.RUN_MONITORING),
			java.util.Map.entry("/quan-tri/van-ban", Permission.RUN_MONITORING),
			java.util.Map.entry("/quan-tri/tin-tuc/chuyen-muc", Permission.MANAGE_NEWS_CATEGORIES),
			java.util.Map.entry("/quan-tri/tin-tuc", Permission.WRITE_NEWS),
			java.util.Map.entry("/quan-tri/bieu-duong", Permission.PROPOSE_FOR_COMMENDATION),
			java.util.Map.entry("/quan-tri/bao-cao", Permission.READ_REPORTS),
			java.util.Map.entry("/quan-tri/bang-dieu-khien", Permission.READ_REPORTS),
			java.util.Map.entry("/quan-tri/mo-hinh/nhap", Permission.REGISTER_MODELS),
			java.util.Map.entry("/quan-tri/mo-hinh", Permission.BROWSE_MODELS));

	/** The permission of the longest area the request's path lies in, or null. */
	static Permission area(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		Permission found = null;
		int longest = -1;
		for (java.util.Map.Entry<String, Permission> e : AREAS.entrySet()) {
			String a = e.getKey();
			if ((path.equals(a) || path.startsWith(a + "/") || path.startsWith(a + ".")) && a.length() > longest) {
				found = e.getValue();
				longest = a.length();
			}
		}
		return found;
	}

	/** A URL rule that asks the access policy. */
	private static org.springframework.security.authorization.AuthorizationManager<org.springframework.security.web.access.intercept.RequestAuthorizationContext> may(
			AccessPolicy policy, Permission permission) {
		return (authentication, context) -> new org.springframework.security.authorization.AuthorizationDecision(
				policy.allows(authentication.get(), permission));
	}

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
	SecurityFilterChain apiChain(HttpSecurity http, ApiErrors errors, AccessPolicy policy) throws Exception {
		http.securityMatcher("/api/**")
			.authorizeHttpRequests(a -> a.requestMatchers(HttpMethod.GET, "/api/v1/localities", "/api/v1/localities/**",
					"/api/v1/organizations", "/api/v1/organizations/**", "/api/v1/models", "/api/v1/models/**",
					"/api/v1/news", "/api/v1/news/*", "/api/v1/stats/visitors", "/api/v1/polls/active", "/api/v1/polls/*/challenge", "/api/v1/commendations", "/api/v1/commendations/*",
					"/api/v1/polls/*/results", "/api/v1/documents", "/api/v1/open-data/**", "/api/v1/contests", "/api/v1/contests/*/results")
				.permitAll()
				.requestMatchers("/api/v1/admin/**")
				.access(may(policy, Permission.BACKUP))
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
	SecurityFilterChain webChain(HttpSecurity http, SecuritySettings settings, UserDetailsService users,
			AccessPolicy policy,
			org.springframework.beans.factory.ObjectProvider<org.springframework.security.oauth2.client.registration.ClientRegistrationRepository> eid,
			vn.dvk.account.EidSettings eidSettings, vn.dvk.account.EidAccounts eidAccounts) throws Exception {
		http.authorizeHttpRequests(a -> a.requestMatchers("/actuator/health", "/actuator/health/**")
			.permitAll()
			.requestMatchers("/actuator/**")
			.denyAll()
			.requestMatchers("/swagger-ui/**", "/swagger-ui.html")
			.access(may(policy, Permission.READ_API_DOCS))
			.requestMatchers(request -> area(request) != null)
			.access((authentication, context) -> new org.springframework.security.authorization.AuthorizationDecision(
					policy.allows(authentication.get(), area(context.getRequest()))))
			.requestMatchers("/quan-tri/**")
			.access(may(policy, Permission.BACK_OFFICE))
			.requestMatchers("/tai-khoan/**")
			.authenticated()
			.anyRequest()
			.permitAll())
			.formLogin(f -> f.loginPage(LOGIN)
				.loginProcessingUrl(LOGIN)
				.successHandler(successHandler(policy))
				.failureHandler(failureHandler())
				.permitAll())
			.logout(l -> l.logoutUrl("/dang-xuat").logoutSuccessUrl(LOGIN + "?logout").deleteCookies("DVK_SESSION"))
			.headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CSP))
				.referrerPolicy(r -> r.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
				.frameOptions(f -> f.sameOrigin()));
		org.springframework.security.oauth2.client.registration.ClientRegistrationRepository registrations = eid
			.getIfAvailable();
		if (registrations != null) {
			EidLogin.apply(http, registrations, eidSettings, eidAccounts, successHandler(policy));
		}
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
	private static SavedRequestAwareAuthenticationSuccessHandler successHandler(AccessPolicy policy) {
		SavedRequestAwareAuthenticationSuccessHandler handler = new SavedRequestAwareAuthenticationSuccessHandler() {
			@Override
			protected String determineTargetUrl(HttpServletRequest request, HttpServletResponse response,
					Authentication authentication) {
				boolean staff = policy.allows(authentication, Permission.BACK_OFFICE);
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
