package vn.dvk.portal;

import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

import vn.dvk.account.DvkUser;
import vn.dvk.account.EidAccounts;
import vn.dvk.account.EidSettings;
import vn.dvk.shared.UserFacingException;

/**
 * Citizen login with the national e-ID on the web chain: Spring Security's OAuth2 login (authorization code flow
 * with a client secret; state, nonce and the ID token's signature checked by the library), {@code acr_values}
 * asked for when configured.
 * After the provider vouched for the person, the session holds the citizen's own account ({@link DvkUser}), as
 * after a password login, so every page, policy and poll sees one kind of user.
 */
final class EidLogin {

	/** Failures the login page explains, by OAuth2 error code. */
	private static final Set<String> STATE = Set.of("authorization_request_not_found", "invalid_state_parameter",
			"invalid_request");

	private static final Set<String> CODE = Set.of("invalid_grant", "invalid_token_response", "invalid_id_token",
			"invalid_nonce");

	private EidLogin() {
	}

	static void apply(HttpSecurity http, ClientRegistrationRepository registrations, EidSettings settings,
			EidAccounts accounts, AuthenticationSuccessHandler landing) throws Exception {
		DefaultOAuth2AuthorizationRequestResolver resolver = new DefaultOAuth2AuthorizationRequestResolver(
				registrations, OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI);
		if (settings.acrValues() != null && !settings.acrValues().isBlank()) {
			resolver.setAuthorizationRequestCustomizer(
					c -> c.additionalParameters(p -> p.put("acr_values", settings.acrValues())));
		}
		HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
		AuthenticationSuccessHandler linked = (request, response, authentication) -> {
			DvkUser user;
			try {
				user = accounts.signIn(((OidcUser) authentication.getPrincipal()).getClaims());
			}
			catch (UserFacingException ex) {
				SecurityContextHolder.clearContext();
				request.getSession().invalidate();
				response.sendRedirect(request.getContextPath() + SecurityConfiguration.LOGIN + "?eid="
						+ ("eid.login.disabled".equals(ex.messageKey()) ? "disabled" : "nopid"));
				return;
			}
			Authentication citizen = UsernamePasswordAuthenticationToken.authenticated(user, null,
					user.getAuthorities());
			SecurityContext context = SecurityContextHolder.createEmptyContext();
			context.setAuthentication(citizen);
			SecurityContextHolder.setContext(context);
			contexts.saveContext(context, request, response);
			landing.onAuthenticationSuccess(request, response, citizen);
		};
		AuthenticationFailureHandler failed = (HttpServletRequest request, HttpServletResponse response,
				org.springframework.security.core.AuthenticationException ex) -> {
			String code = ex instanceof OAuth2AuthenticationException o ? o.getError().getErrorCode() : "";
			String reason = STATE.contains(code) ? "state" : CODE.contains(code) ? "code"
					: "access_denied".equals(code) ? "denied" : "failed";
			response.sendRedirect(request.getContextPath() + SecurityConfiguration.LOGIN + "?eid=" + reason);
		};
		http.oauth2Login(o -> o.loginPage(SecurityConfiguration.LOGIN)
			.clientRegistrationRepository(registrations)
			.authorizationEndpoint(a -> a.authorizationRequestResolver(resolver))
			.successHandler(linked)
			.failureHandler(failed));
	}

}
