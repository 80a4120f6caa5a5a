package vn.dvk.news;

import java.util.Locale;

/** A configurable news category (chuyên mục); its code is part of the category page's address. */
public record NewsCategory(long id, String code, String nameVi, String nameEn, int sortOrder, boolean active) {

	public String name(Locale locale) {
		return "en".equals(locale.getLanguage()) ? nameEn : nameVi;
	}

	public String path() {
		return "/tin-tuc/chuyen-muc/" + code;
	}

}
