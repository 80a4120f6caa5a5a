package vn.dvk.account;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;

/**
 * The national e-ID as an OpenID Connect client registration (Spring Security's OAuth2 client), present only when
 * {@code dvk.eid.client-id} is set. The web security chain adds the login when this bean exists.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${dvk.eid.client-id:}'.isBlank()")
class EidConfiguration {

	@Bean
	ClientRegistrationRepository eidClientRegistrations(EidSettings eid) {
		ClientRegistration.Builder b = ClientRegistration.withRegistrationId(EidSettings.REGISTRATION)
			.clientId(eid.clientId())
			.clientSecret(eid.clientSecret())
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
			.scope(eid.scope().split("[ ,]+"))
			.clientName(eid.displayName())
			.issuerUri(eid.issuer() == null || eid.issuer().isBlank() ? null : eid.issuer())
			.authorizationUri(eid.authorizationUri())
			.tokenUri(eid.tokenUri())
			.jwkSetUri(eid.jwkSetUri())
			.userNameAttributeName(IdTokenClaimNames.SUB);
		if (eid.userInfoUri() != null && !eid.userInfoUri().isBlank()) {
			b.userInfoUri(eid.userInfoUri());
		}
		return new InMemoryClientRegistrationRepository(b.build());
	}

}
