/**
 * Administrative units (provinces, communes and their history) and the organizations that belong to them,
 * with import of the official lists.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Localities and organizations")
package vn.dvk.locality;
