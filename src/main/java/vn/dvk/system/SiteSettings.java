package vn.dvk.system;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who runs this installation: shown in the page header and footer, and used as the province of staff accounts that
 * belong to no organization.
 *
 * @param name the committee's name as it signs ("Ban Dân vận Tỉnh ủy …")
 * @param provinceCode code of the province this installation serves
 * @param baseUrl the portal's public address (canonical links, feeds, sitemap, share links); never taken from the
 * request, so a forged Host header cannot end up in a cached page
 */
@ConfigurationProperties("dvk.site")
public record SiteSettings(String name, String provinceCode, String address, String phone, String email,
		String baseUrl) {

	public SiteSettings {
		// Defaults describe the demo province; properties files are not UTF-8, so they live here.
		name = blank(name) ? "Ban Dân vận Tỉnh ủy Sơn Hà" : name.trim();
		provinceCode = blank(provinceCode) ? "99" : provinceCode.trim();
		address = blank(address) ? "Số 1 đường Trần Phú, phường Sơn Hà, tỉnh Sơn Hà" : address.trim();
		phone = blank(phone) ? "0200 3 123 456" : phone.trim();
		email = blank(email) ? "bandanvan@sonha.demo.dvk.vn" : email.trim();
		baseUrl = blank(baseUrl) ? "http://localhost:8080" : baseUrl.trim().replaceAll("/+$", "");
	}

	/** The absolute address of a path of the portal. */
	/**
	 * The place name official documents are dated from ("Sơn Hà, ngày …"): the committee's name without what
	 * precedes the province ("Ban Dân vận Tỉnh ủy Sơn Hà" → "Sơn Hà").
	 */
	public String place() {
		return name.replaceFirst("^.*(tỉnh|Tỉnh ủy|thành phố|Thành ủy)\\s+", "");
	}

	public String absolute(String path) {
		return baseUrl + (path.startsWith("/") ? path : "/" + path);
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}

}
