package vn.dvk.system;

import java.time.Duration;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers again the module events whose listener failed or whose node stopped before the listener committed (they
 * stay in {@code event_publication}): every five minutes, once across the cluster, for publications older than five
 * minutes, so a listener still running on another node is not doubled. Listeners are written to tolerate a second
 * delivery.
 */
@Component
class EventRetries {

	private final IncompleteEventPublications incomplete;

	EventRetries(IncompleteEventPublications incomplete) {
		this.incomplete = incomplete;
	}

	@Scheduled(fixedDelayString = "${dvk.events.retry-check:PT5M}", initialDelayString = "PT2M")
	@SchedulerLock(name = "event-retries", lockAtMostFor = "PT4M")
	void retry() {
		incomplete.resubmitIncompletePublicationsOlderThan(Duration.ofMinutes(5));
	}

}
