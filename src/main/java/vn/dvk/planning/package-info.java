/**
 * Plans and monitoring: the documents that steer the movement, the yearly planning calendar, each organization's
 * annual plan and period reports, the lagging units and the reminders (đôn đốc) that follow, and inspections
 * (kiểm tra) with their follow-up items.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Plans and monitoring")
package vn.dvk.planning;
