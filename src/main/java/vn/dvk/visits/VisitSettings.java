package vn.dvk.visits;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param idleGap inactivity after which the next page view starts a new visit
 * @param onlineWindow how recently a visitor must have been seen to count as online
 * @param flushInterval how often buffered counts are written to the database
 * @param secret key that signs visitor cookies and derives identities; when empty, a random key generated once and
 * kept in the database (setting {@code visits.secret}) is used by every node
 */
@ConfigurationProperties("dvk.visits")
record VisitSettings(@DefaultValue("30m") Duration idleGap, @DefaultValue("5m") Duration onlineWindow,
		@DefaultValue("1s") Duration flushInterval, String secret) {
}
