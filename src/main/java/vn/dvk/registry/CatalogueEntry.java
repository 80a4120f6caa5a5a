package vn.dvk.registry;

import java.util.Locale;

/** An entry of a configurable list: a field, a focus area or a linked movement. */
public record CatalogueEntry(String listKind, String code, String nameVi, String nameEn, int sortOrder,
		boolean active) {

	public static final String FIELD = "FIELD";

	public static final String FOCUS_AREA = "FOCUS_AREA";

	public static final String MOVEMENT = "MOVEMENT";

	public String name(Locale locale) {
		return locale != null && "en".equals(locale.getLanguage()) ? nameEn : nameVi;
	}

}
