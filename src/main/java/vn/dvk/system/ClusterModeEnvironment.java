package vn.dvk.system;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Cluster mode is configuration only: with {@code DVK_REDIS_URL} (or Spring's own {@code spring.data.redis.url} /
 * {@code spring.data.redis.host}) the node keeps its sessions, online presence, rate limits and cache
 * invalidations in Redis ({@code dvk.cluster.enabled=true}); without it, Spring's Redis and Redis-session
 * auto-configurations are switched off and everything stays in process (one node).
 */
class ClusterModeEnvironment implements EnvironmentPostProcessor, Ordered {

	static final String ENABLED = "dvk.cluster.enabled";

	private static final List<String> REDIS_AUTO_CONFIGURATIONS = List.of(
			"org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration",
			"org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration",
			"org.springframework.boot.data.redis.autoconfigure.DataRedisRepositoriesAutoConfiguration",
			"org.springframework.boot.data.redis.autoconfigure.health.DataRedisHealthContributorAutoConfiguration",
			"org.springframework.boot.data.redis.autoconfigure.health.DataRedisReactiveHealthContributorAutoConfiguration",
			"org.springframework.boot.data.redis.autoconfigure.observation.LettuceObservationAutoConfiguration",
			"org.springframework.boot.session.data.redis.autoconfigure.SessionDataRedisAutoConfiguration",
			"org.springframework.boot.session.autoconfigure.SessionAutoConfiguration",
			"org.springframework.boot.session.autoconfigure.SessionsEndpointAutoConfiguration");

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE; // after the configuration files are read
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
		String url = env.getProperty("dvk.redis.url", "");
		boolean springRedis = !env.getProperty("spring.data.redis.url", "").isBlank()
				|| !env.getProperty("spring.data.redis.host", "").isBlank();
		Map<String, Object> props = new LinkedHashMap<>();
		if (!url.isBlank() || springRedis) {
			if (!url.isBlank()) {
				props.put("spring.data.redis.url", url.trim());
			}
			props.put(ENABLED, "true");
		}
		else {
			List<String> excluded = new ArrayList<>();
			String existing = env.getProperty("spring.autoconfigure.exclude", "");
			for (String e : existing.split(",")) {
				if (!e.isBlank()) {
					excluded.add(e.trim());
				}
			}
			excluded.addAll(REDIS_AUTO_CONFIGURATIONS);
			props.put("spring.autoconfigure.exclude", String.join(",", excluded));
			props.put(ENABLED, "false");
		}
		env.getPropertySources().addFirst(new MapPropertySource("dvk-cluster-mode", props));
	}

}
