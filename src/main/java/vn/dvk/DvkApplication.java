package vn.dvk;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The "Dân vận khéo" movement platform: one Spring Boot application split into modules by capability
 * (see docs/ARCHITECTURE.md).
 */
@Modulithic(sharedModules = "shared")
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@EnableAsync
public class DvkApplication {

	public static void main(String[] args) {
		SpringApplication.run(DvkApplication.class, args);
	}

}
