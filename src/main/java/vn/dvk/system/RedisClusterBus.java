package vn.dvk.system;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.stereotype.Component;

/**
 * Cluster mode: Redis pub/sub on {@code dvk:bus:{topic}}. Each message carries the sending node's id, so a node
 * skips its own. While Redis is down, messages are lost (logged); the listeners' caches expire or reload anyway.
 */
@Component
@ConditionalOnProperty(name = "dvk.cluster.enabled", havingValue = "true")
class RedisClusterBus implements ClusterBus, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(RedisClusterBus.class);

	private final String node = UUID.randomUUID().toString();

	private final StringRedisTemplate redis;

	private final RedisMessageListenerContainer container = new RedisMessageListenerContainer();

	private final RedisGuard guard;

	RedisClusterBus(StringRedisTemplate redis, RedisConnectionFactory connections, RedisGuard guard) {
		this.redis = redis;
		this.guard = guard;
		container.setConnectionFactory(connections);
		container.afterPropertiesSet();
		container.start();
	}

	@Override
	public void publish(String topic, String payload) {
		guard.call("messages to other nodes", () -> redis.convertAndSend("dvk:bus:" + topic, node + "|" + payload),
				() -> 0L);
	}

	@Override
	public void subscribe(String topic, Consumer<String> handler) {
		container.addMessageListener((message, pattern) -> {
			String text = new String(message.getBody(), StandardCharsets.UTF_8);
			int bar = text.indexOf('|');
			if (bar < 0 || text.substring(0, bar).equals(node)) {
				return;
			}
			try {
				handler.accept(text.substring(bar + 1));
			}
			catch (RuntimeException ex) {
				log.warn("Message on {} failed: {}", topic, ex.getMessage());
			}
		}, new ChannelTopic("dvk:bus:" + topic));
	}

	@Override
	public void destroy() throws Exception {
		container.stop();
		container.destroy();
	}

}
