package vn.dvk.system;

import java.util.function.Consumer;

/**
 * Shared state (ARCHITECTURE.md): messages from one node to all the others, for cache invalidation. On a single
 * node there is nobody to tell and {@link #publish} does nothing; in cluster mode messages go through Redis
 * pub/sub. Delivery is best effort: every cache that listens also expires or reloads by itself.
 */
public interface ClusterBus {

	/** Sends a message on a topic to the other nodes (never back to this one). */
	void publish(String topic, String payload);

	/** Calls the handler for every message another node publishes on the topic. */
	void subscribe(String topic, Consumer<String> handler);

}
