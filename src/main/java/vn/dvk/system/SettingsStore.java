package vn.dvk.system;

import vn.dvk.shared.AfterCommit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Small named values the application keeps in the database (markers, figures an administrator sets). */
@Service
public class SettingsStore {

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	SettingsStore(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	public Optional<String> get(String name) {
		return jdbc.sql("select setting_value from system_setting where name = :name")
			.param("name", name)
			.query(String.class)
			.optional();
	}

	@Transactional
	public void put(String name, String value) {
		Timestamp now = Timestamp.from(Instant.now());
		int updated = jdbc.sql("update system_setting set setting_value = :value, updated_at = :now where name = :name")
			.param("name", name)
			.param("value", value)
			.param("now", now)
			.update();
		if (updated == 0) {
			jdbc.sql("insert into system_setting (name, setting_value, updated_at) values (:name, :value, :now)")
				.param("name", name)
				.param("value", value)
				.param("now", now)
				.update();
		}
		AfterCommit.run(() -> events.publishEvent(new PublicContentChanged("setting " + name)));
	}

}
