package vn.dvk.portal;

import java.time.Duration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;
import org.springframework.web.servlet.resource.VersionResourceResolver;

/**
 * Language selection, static files and other MVC settings.
 * <p>
 * Static files are mapped by their folders only ({@code /css/**}, {@code /js/**}, {@code /img/**},
 * {@code /webjars/**}; Boot's catch-all {@code /**} mapping is off): every link a page renders passes through the
 * resource URL encoder, and with a catch-all each page link ({@code /mo-hinh?page=2} …) was looked up on the class
 * path, a third of a list page's time. Our own files get content-hashed names, cached for a week.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	/**
	 * A cached page (16 KB for an article) goes out in one socket write instead of two or three: Tomcat's socket
	 * buffer is 8 KB by default.
	 */
	@Bean
	org.springframework.boot.tomcat.TomcatConnectorCustomizer socketWriteBuffer() {
		return connector -> connector.setProperty("socket.appWriteBufSize", "65536");
	}

	@Bean
	LocaleResolver localeResolver() {
		return new DvkLocaleResolver();
	}

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		CacheControl week = CacheControl.maxAge(Duration.ofDays(7)).cachePublic();
		for (String folder : new String[] { "css", "js", "img" }) {
			registry.addResourceHandler("/" + folder + "/**")
				.addResourceLocations("classpath:/static/" + folder + "/")
				.setCacheControl(week)
				.resourceChain(true)
				.addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"));
		}
		registry.addResourceHandler("/webjars/**")
			.addResourceLocations("classpath:/META-INF/resources/webjars/")
			.setCacheControl(week)
			.resourceChain(true)
			.addResolver(new LiteWebJarsResourceResolver());
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
		interceptor.setParamName("lang");
		interceptor.setIgnoreInvalidLocale(true);
		registry.addInterceptor(interceptor);
	}

}
