package vn.dvk.system;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.SocketOptions;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientConfigurationBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Cluster mode: while Redis is unreachable, commands fail at once instead of queueing until it returns, so callers
 * fall back to their in-process state (shared/RedisGuard) and pages do not wait.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "dvk.cluster.enabled", havingValue = "true")
class RedisClientOptions {

	/** Reconnect within two seconds of Redis coming back, however long it was away (Lettuce's default: 30 s). */
	@Bean
	org.springframework.boot.data.redis.autoconfigure.ClientResourcesBuilderCustomizer quickReconnect() {
		return builder -> builder.reconnectDelay(io.lettuce.core.resource.Delay.exponential(
				java.time.Duration.ofMillis(100), java.time.Duration.ofSeconds(2), 2,
				java.util.concurrent.TimeUnit.MILLISECONDS));
	}

	@Bean
	LettuceClientConfigurationBuilderCustomizer rejectCommandsWhileDisconnected() {
		return builder -> builder.clientOptions(ClientOptions.builder()
			.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
			.socketOptions(SocketOptions.builder().connectTimeout(java.time.Duration.ofMillis(500)).build())
			.build());
	}

}
