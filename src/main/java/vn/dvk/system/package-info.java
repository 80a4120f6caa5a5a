/**
 * Infrastructure every module may use: the audit trail, settings and the site's identity, the mail outbox, start-up
 * work as the system actor, cluster mode (Redis client, the cluster bus, shared rate limits, cache invalidation
 * across nodes, scheduled jobs run once), the migration set's vendor settings, the data directory, the API's error
 * answers, the online backup and the API documents. No feature logic and no page lives here.
 */
@org.springframework.modulith.ApplicationModule(displayName = "System")
package vn.dvk.system;
