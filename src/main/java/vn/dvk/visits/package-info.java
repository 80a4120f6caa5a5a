/**
 * Visitor statistics of the public portal: visits (a visit starts with a new visitor or after 30 minutes of
 * inactivity), visitors online (guests and members), page views per day and views per article or story. Counting
 * happens in memory behind the shared-state interfaces ({@code VisitCounters}, {@code VisitorActivity}) and is
 * flushed to the database in batches; a request never waits on the database to be counted.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Visitor statistics")
package vn.dvk.visits;
