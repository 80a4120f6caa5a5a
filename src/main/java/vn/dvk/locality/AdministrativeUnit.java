package vn.dvk.locality;

import java.time.Instant;
import java.time.LocalDate;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

import vn.dvk.shared.VietnameseCollation;
import vn.dvk.shared.VietnameseText;

/**
 * An administrative unit during its period of validity. Codes are strings (leading zeros matter) and may be reused
 * by a later unit, so the identity is the row, and "the unit with code X" means the one valid today.
 */
@Table("administrative_unit")
class AdministrativeUnit {

	@Id
	private Long id;

	private String code;

	private String name;

	private String nameFolded;

	private String englishName;

	private UnitType type;

	private Long parentId;

	private LocalDate validFrom;

	private LocalDate validTo;

	private String sortKey;

	@Version
	private Integer version;

	private Instant createdAt;

	private Instant updatedAt;

	protected AdministrativeUnit() {
	}

	AdministrativeUnit(String code, String name, UnitType type, Long parentId, LocalDate validFrom) {
		this.code = code;
		this.type = type;
		this.parentId = parentId;
		this.validFrom = validFrom;
		this.createdAt = Instant.now();
		rename(name);
	}

	void rename(String newName) {
		this.name = VietnameseText.clean(newName);
		this.nameFolded = VietnameseText.fold(newName);
		this.sortKey = VietnameseCollation.sortKey(newName);
		this.updatedAt = Instant.now();
	}

	void change(UnitType type, Long parentId, String englishName, LocalDate validFrom, LocalDate validTo) {
		this.type = type;
		this.parentId = parentId;
		this.englishName = VietnameseText.isBlank(englishName) ? null : VietnameseText.clean(englishName);
		this.validFrom = validFrom;
		this.validTo = validTo;
		this.updatedAt = Instant.now();
	}

	void retire(LocalDate lastDay) {
		this.validTo = lastDay;
		this.updatedAt = Instant.now();
	}

	boolean isCurrent(LocalDate day) {
		return !validFrom.isAfter(day) && (validTo == null || !validTo.isBefore(day));
	}

	Long getId() {
		return id;
	}

	String getCode() {
		return code;
	}

	String getName() {
		return name;
	}

	String getEnglishName() {
		return englishName;
	}

	UnitType getType() {
		return type;
	}

	Long getParentId() {
		return parentId;
	}

	LocalDate getValidFrom() {
		return validFrom;
	}

	LocalDate getValidTo() {
		return validTo;
	}

	Integer getVersion() {
		return version;
	}

	void setVersion(Integer version) {
		this.version = version;
	}

}
