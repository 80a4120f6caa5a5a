package vn.dvk.locality;

/**
 * Filters of the organization list; every field is optional.
 *
 * @param text words matched diacritic-insensitively against the name
 * @param localityCode organizations in this unit or any unit under it
 * @param includeInactive also organizations marked inactive
 */
public record OrganizationQuery(String text, String typeCode, String localityCode, boolean includeInactive) {
}
