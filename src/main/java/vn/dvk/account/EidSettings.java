package vn.dvk.account;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Citizen login with the national electronic identity (VNeID through the national public-service portal) or any
 * OpenID Connect provider shaped like it. Off until {@code clientId} is set; the provider's endpoints are given
 * explicitly, so the application starts whether or not the provider answers at that moment.
 *
 * @param clientId the client id the provider issued to this portal (empty: e-ID login off)
 * @param clientSecret its secret (client_secret_basic)
 * @param displayName the provider's name on the login button
 * @param issuer the {@code iss} every ID token must carry
 * @param authorizationUri the provider's authorization endpoint
 * @param tokenUri its token endpoint
 * @param jwkSetUri its signing keys
 * @param userInfoUri its user-info endpoint (optional: claims then come from the ID token only)
 * @param scope requested scopes, {@code openid} first
 * @param acrValues the assurance level asked for ({@code acr_values}), e.g. {@code 2}; empty: the provider's default
 * @param personIdClaim the claim holding the personal identification number; only its keyed hash is stored
 * @param hashKey the key of that hash; empty: a random key generated once and kept in the database
 */
@ConfigurationProperties("dvk.eid")
public record EidSettings(String clientId, String clientSecret, @DefaultValue("VNeID") String displayName,
		String issuer, String authorizationUri, String tokenUri, String jwkSetUri, String userInfoUri,
		@DefaultValue("openid") String scope, String acrValues, @DefaultValue("citizen_id") String personIdClaim,
		String hashKey) {

	/** The registration id, which also names the login and callback paths. */
	public static final String REGISTRATION = "vneid";

	public boolean enabled() {
		return clientId != null && !clientId.isBlank();
	}

}
