package vn.dvk.account;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.security.access.prepost.PreAuthorize;

/**
 * On a service method that acts for the logged-in user: refused (403) unless {@link AccessPolicy} says the user's
 * roles hold the permission. Start-up work runs as the system actor, which holds every permission.
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@PreAuthorize("@accessPolicy.allows(authentication, '{value}')")
public @interface Requires {

	Permission value();

}
