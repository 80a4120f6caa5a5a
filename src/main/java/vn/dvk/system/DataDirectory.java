package vn.dvk.system;

import java.nio.file.Path;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Makes {@code dvk.data-dir} ({@code DVK_DATA_DIR}) absolute before the H2 URL is built from it: H2 refuses paths
 * that are implicitly relative ("data-prod" rather than "./data-prod"), and an operator should not have to know.
 */
public class DataDirectory implements EnvironmentPostProcessor, Ordered {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String dir = environment.getProperty("dvk.data-dir");
		if (dir == null || dir.isBlank()) {
			return;
		}
		String absolute = Path.of(dir.trim()).toAbsolutePath().normalize().toString();
		environment.getPropertySources()
			.addFirst(new MapPropertySource("dvk-data-dir", Map.of("dvk.data-dir", absolute)));
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
