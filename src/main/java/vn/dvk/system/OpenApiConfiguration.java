package vn.dvk.system;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.dvk.system.SiteSettings;

/** What /v3/api-docs says about the API as a whole: who publishes it and how to authenticate. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	@Bean
	OpenAPI dvkOpenApi(SiteSettings site) {
		return new OpenAPI()
			.info(new Info().title("DVK API")
				.version("v1")
				.description("Dữ liệu mở và tích hợp của " + site.name()
						+ ". Open data and integrations: GET requests on localities and organizations are public; "
						+ "everything else needs HTTP Basic. Errors are {\"status\",\"error\",\"message\"} with a "
						+ "Vietnamese message (English with Accept-Language: en)."))
			.components(new Components().addSecuritySchemes("basic",
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
			.addSecurityItem(new SecurityRequirement().addList("basic"));
	}

}
