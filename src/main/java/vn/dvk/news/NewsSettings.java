package vn.dvk.news;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param imageMaxSize largest featured image accepted
 */
@ConfigurationProperties("dvk.news")
record NewsSettings(@DefaultValue("10MB") DataSize imageMaxSize) {
}
