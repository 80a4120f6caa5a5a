/**
 * Reports (read-only): the period summary by field, locality, organization or focus area, the dashboard, the
 * public figures and the open data of recognized models. Every figure comes from {@code registry.RegistryFigures}
 * and {@code planning}'s services, so the dashboard, the reports and the units' own period reports agree.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Reports and dashboard")
package vn.dvk.reporting;
