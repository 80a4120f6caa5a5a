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

	@Bean
	LettuceClientConfigurationBuilderCustomizer rejectCommandsWhileDisconnected() {
		return builder -> builder.clientOptions(ClientOptions.builder()
			.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
			.socketOptions(SocketOptions.builder().connectTimeout(java.time.Duration.ofMillis(500)).build())
			.build());
	}

}
