package vn.dvk.locality;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

import vn.dvk.shared.VietnameseCollation;
import vn.dvk.shared.VietnameseText;

/** An agency, party body, front or mass organization, police or military unit, or enterprise, in one locality. */
@Table("organization")
class Organization {

	@Id
	private Long id;

	private String name;

	private String nameFolded;

	private String sortKey;

	private String typeCode;

	private Long localityId;

	private Long parentId;

	private String email;

	private String phone;

	private boolean active = true;

	@Version
	private Integer version;

	private Instant createdAt;

	private Instant updatedAt;

	protected Organization() {
	}

	Organization(String name, String typeCode, Long localityId) {
		this.createdAt = Instant.now();
		change(name, typeCode, localityId, null, null, null);
	}

	void change(String name, String typeCode, Long localityId, Long parentId, String email, String phone) {
		this.name = VietnameseText.clean(name);
		this.nameFolded = VietnameseText.fold(name);
		this.sortKey = VietnameseCollation.sortKey(name);
		this.typeCode = typeCode;
		this.localityId = localityId;
		this.parentId = parentId;
		this.email = VietnameseText.isBlank(email) ? null : email.trim();
		this.phone = VietnameseText.isBlank(phone) ? null : phone.trim();
		this.updatedAt = Instant.now();
	}

	void setActive(boolean active) {
		this.active = active;
		this.updatedAt = Instant.now();
	}

	Long getId() {
		return id;
	}

	String getName() {
		return name;
	}

	String getNameFolded() {
		return nameFolded;
	}

	String getTypeCode() {
		return typeCode;
	}

	Long getLocalityId() {
		return localityId;
	}

	Long getParentId() {
		return parentId;
	}

	String getEmail() {
		return email;
	}

	String getPhone() {
		return phone;
	}

	boolean isActive() {
		return active;
	}

	Integer getVersion() {
		return version;
	}

}
