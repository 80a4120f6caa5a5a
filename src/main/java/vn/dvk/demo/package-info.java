/**
 * The demo province loaded on a first start (DVK_DEMO_DATA): units, organizations, one account per role, models,
 * news, polls, rounds, conferences, plans and contests, all through the modules' own services, and the drawings that
 * illustrate them.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo data")
package vn.dvk.demo;
