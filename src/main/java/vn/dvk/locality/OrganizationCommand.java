package vn.dvk.locality;

/** What an administrator enters to create or change an organization. */
public record OrganizationCommand(String name, String typeCode, String localityCode, Long parentId, String email,
		String phone) {
}
