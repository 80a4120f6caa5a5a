package vn.dvk.locality;

import java.util.Locale;

/** An entry of the configurable list of organization types. */
public record OrganizationType(String code, String nameVi, String nameEn, int sortOrder, boolean active) {

	public String name(Locale locale) {
		return locale != null && "en".equals(locale.getLanguage()) ? nameEn : nameVi;
	}

}
