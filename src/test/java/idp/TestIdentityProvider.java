package idp;

import java.io.IOException;
import java.net.ServerSocket;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * An OpenID Connect provider for the tests, standing in for the national e-ID: Spring Security's authorization
 * server in an application of its own on its own port, with its own login form and consent page. Its ID tokens
 * carry what the national portal sends: the personal identification number ({@code citizen_id}), the full name,
 * the birth date and the assurance level ({@code acr}). Outside {@code vn.dvk}, so the portal never scans it.
 */
@SpringBootConfiguration
@ImportAutoConfiguration({
		org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration.class,
		org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration.class,
		org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration.class,
		org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration.class })
@EnableWebSecurity
public class TestIdentityProvider {

	/** Chosen when the test JVM starts, so the portal's test configuration can point at it before it runs. */
	public static final int PORT = freePort();

	public static final String ISSUER = "http://127.0.0.1:" + PORT;

	public static final String CLIENT_ID = "dvk-portal";

	public static final String CLIENT_SECRET = "bi-mat-cua-cong";

	/** A citizen the provider knows: personal identification number (the login name here) and password. */
	public static final String CITIZEN_NUMBER = "079200001234";

	public static final String CITIZEN_PASSWORD = "MatKhau@VNeID1";

	public static final String CITIZEN_NAME = "Nguyễn Thị Hoa";

	/** While set, the token endpoint answers after the authorization code has expired. */
	public static final AtomicBoolean SLOW_TOKEN = new AtomicBoolean();

	private static ConfigurableApplicationContext context;

	private static int portalPort;

	/** Starts the provider (once), with the portal on {@code portal} as its client. */
	public static synchronized void start(int portal) {
		if (context != null) {
			return;
		}
		portalPort = portal;
		context = new SpringApplicationBuilder(TestIdentityProvider.class)
			.properties("server.port=" + PORT, "server.address=127.0.0.1", "spring.main.banner-mode=off",
					"spring.config.name=test-identity-provider", "server.servlet.session.cookie.name=IDP_SESSION")
			.run();
	}

	public static synchronized void stop() {
		if (context != null) {
			context.close();
			context = null;
		}
	}

	private static int freePort() {
		try (ServerSocket s = new ServerSocket(0)) {
			return s.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Bean
	@Order(1)
	SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
		http.oauth2AuthorizationServer(server -> {
			http.securityMatcher(server.getEndpointsMatcher());
			server.oidc(Customizer.withDefaults());
		})
			.authorizeHttpRequests(a -> a.anyRequest().authenticated())
			.exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
					new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain login(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests(a -> a.anyRequest().authenticated()).formLogin(Customizer.withDefaults());
		return http.build();
	}

	@Bean
	UserDetailsService citizens() {
		return new InMemoryUserDetailsManager(
				User.withUsername(CITIZEN_NUMBER).password("{noop}" + CITIZEN_PASSWORD).roles("CITIZEN").build());
	}

	@Bean
	RegisteredClientRepository clients() {
		RegisteredClient portal = RegisteredClient.withId(UUID.randomUUID().toString())
			.clientId(CLIENT_ID)
			.clientSecret("{noop}" + CLIENT_SECRET)
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUri("http://127.0.0.1:" + portalPort + "/login/oauth2/code/vneid")
			.scope(OidcScopes.OPENID)
			.scope(OidcScopes.PROFILE)
			.clientSettings(ClientSettings.builder().requireAuthorizationConsent(true).build())
			.tokenSettings(TokenSettings.builder().authorizationCodeTimeToLive(Duration.ofSeconds(3)).build())
			.build();
		return new InMemoryRegisteredClientRepository(portal);
	}

	/** The claims of the national portal, in the ID token; the level comes from the {@code acr_values} asked. */
	@Bean
	OAuth2TokenCustomizer<JwtEncodingContext> nationalClaims() {
		return context -> {
			if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
				org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest asked = context
					.getAuthorization() == null ? null
							: context.getAuthorization()
								.getAttribute(org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest.class
									.getName());
				Object acr = asked == null ? null : asked.getAdditionalParameters().get("acr_values");
				context.getClaims()
					.claim("citizen_id", context.getPrincipal().getName())
					.claim("name", CITIZEN_NAME)
					.claim("birthdate", "1990-05-17")
					.claim("acr", acr == null ? "1" : acr.toString());
			}
		};
	}

	@Bean
	JWKSource<SecurityContext> keys() throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		KeyPair pair = generator.generateKeyPair();
		RSAKey key = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
			.keyID(UUID.randomUUID().toString())
			.build();
		return new ImmutableJWKSet<>(new JWKSet(key));
	}

	/** For the user-info endpoint, which reads the access token it is given. */
	@Bean
	org.springframework.security.oauth2.jwt.JwtDecoder jwtDecoder(JWKSource<SecurityContext> keys) {
		return org.springframework.security.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration
			.jwtDecoder(keys);
	}

	@Bean
	AuthorizationServerSettings settings() {
		return AuthorizationServerSettings.builder().issuer(ISSUER).build();
	}

	/** Delays the token endpoint past the code's lifetime while {@link #SLOW_TOKEN} is set. */
	@Bean
	FilterRegistrationBean<Filter> slowToken() {
		FilterRegistrationBean<Filter> bean = new FilterRegistrationBean<>((request, response, chain) -> {
			if (SLOW_TOKEN.get() && ((HttpServletRequest) request).getRequestURI().equals("/oauth2/token")) {
				try {
					Thread.sleep(4000);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
			chain.doFilter(request, response);
		});
		bean.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return bean;
	}

}
