/**
 * The application shell: security, web and i18n configuration, layouts, error pages, the home page, the admin
 * dashboard and audit pages, and the demo data loaded on first start.
 */
@org.springframework.modulith.ApplicationModule(displayName = "System")
package vn.dvk.system;
