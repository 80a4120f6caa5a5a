package vn.dvk.system;

import java.util.function.Consumer;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** One node: there are no other nodes to tell. */
@Component
@ConditionalOnProperty(name = "dvk.cluster.enabled", havingValue = "false", matchIfMissing = true)
class LocalClusterBus implements ClusterBus {

	@Override
	public void publish(String topic, String payload) {
		// nobody else to tell
	}

	@Override
	public void subscribe(String topic, Consumer<String> handler) {
		// no other node ever publishes
	}

}
