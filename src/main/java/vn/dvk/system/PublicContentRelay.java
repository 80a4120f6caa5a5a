package vn.dvk.system;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Passes {@link PublicContentChanged} between nodes: a change committed on one node makes every node drop its
 * rendered pages and rebuild its indexes (page cache, news index). On one node it does nothing.
 */
@Component
class PublicContentRelay {

	private final ClusterBus bus;

	PublicContentRelay(ClusterBus bus, ApplicationEventPublisher events) {
		this.bus = bus;
		bus.subscribe("content", source -> events.publishEvent(new PublicContentChanged(source, true)));
	}

	@EventListener
	void on(PublicContentChanged event) {
		if (!event.remote()) {
			bus.publish("content", event.source());
		}
	}

}
