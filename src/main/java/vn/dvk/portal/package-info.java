/**
 * The portal's front: security filter chains and the back-office areas they ask the access policy about, layouts,
 * the home, about, search and sitemap pages, the rendered-page cache, error pages, the back-office home and the
 * audit page. It uses every feature module; none uses it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Portal")
package vn.dvk.portal;
