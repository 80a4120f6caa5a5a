package vn.dvk.system;

import java.time.Instant;
import java.time.temporal.TemporalAccessor;

import org.springframework.stereotype.Component;

import vn.dvk.shared.VietnameseFormats;

/** Vietnamese dates and numbers for templates: {@code ${@fmt.date(x)}}, {@code ${@fmt.number(n)}}. */
@Component("fmt")
class TemplateFormats {

	public String date(TemporalAccessor value) {
		return VietnameseFormats.date(value);
	}

	public String dateTime(Instant value) {
		return VietnameseFormats.dateTime(value);
	}

	public String number(Number value) {
		return VietnameseFormats.number(value);
	}

}
