package vn.dvk.shared;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;

/**
 * Messages in the current user's language, for flash messages and reports built in code; and the bridge from a
 * {@link UserFacingException} to a form's errors.
 */
@Component
public class Texts {

	private final MessageSource messages;

	Texts(MessageSource messages) {
		this.messages = messages;
	}

	public String get(String key, Object... args) {
		return messages.getMessage(key, args, LocaleContextHolder.getLocale());
	}

	/** A message in a given language (mail to someone who is not the one asking, official documents). */
	public String in(java.util.Locale locale, String key, Object... args) {
		return messages.getMessage(key, args, locale);
	}

	public String get(UserFacingException ex) {
		return get(ex.messageKey(), ex.arguments());
	}

	/** Shows the refusal next to its field, or at the top of the form when it names none. */
	public static void reject(BindingResult form, UserFacingException ex) {
		if (ex.field() != null) {
			try {
				form.rejectValue(ex.field(), ex.messageKey(), ex.arguments(), null);
				return;
			}
			catch (org.springframework.beans.NotReadablePropertyException ignored) {
				// the form has no such field: show the message at the top instead
			}
		}
		form.reject(ex.messageKey(), ex.arguments(), null);
	}

}
