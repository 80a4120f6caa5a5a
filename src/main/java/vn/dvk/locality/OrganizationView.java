package vn.dvk.locality;

/** An organization as other modules and pages see it. */
public record OrganizationView(long id, String name, String typeCode, long localityId, String localityCode,
		String localityName, Long parentId, String parentName, String email, String phone, boolean active,
		int version) {
}
