package vn.dvk.portal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param rememberMe whether the login form offers "remember me" (off by default: shared office computers)
 * @param rememberMeKey secret that signs remember-me cookies; required when remember-me is on
 */
@ConfigurationProperties("dvk.security")
record SecuritySettings(boolean rememberMe, String rememberMeKey) {
}
