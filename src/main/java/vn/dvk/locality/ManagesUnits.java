package vn.dvk.locality;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.security.access.prepost.PreAuthorize;

/**
 * On a method that changes administrative units, organizations or their types: refused (403) unless the access
 * policy ({@code vn.dvk.account.AccessPolicy}, which sits above this module) grants the MANAGE_UNITS permission to
 * the logged-in user. The permission is named, never a role; a test checks the name exists.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@PreAuthorize("@accessPolicy.allows(authentication, 'MANAGE_UNITS')")
@interface ManagesUnits {
}
