package vn.dvk.locality.web.admin;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;

import vn.dvk.locality.Locality;
import vn.dvk.locality.UnitCommand;
import vn.dvk.locality.UnitType;

/** The administrative-unit form; the service validates it. */
public class UnitForm {

	private String code;

	private String name;

	private String englishName;

	private UnitType type;

	private String parentCode;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate validFrom;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate validTo;

	private int version;

	static UnitForm of(Locality l) {
		UnitForm f = new UnitForm();
		f.code = l.code();
		f.name = l.name();
		f.englishName = l.englishName();
		f.type = l.type();
		f.parentCode = l.parentCode();
		f.validFrom = l.validFrom();
		f.validTo = l.validTo();
		f.version = l.version();
		return f;
	}

	UnitCommand command() {
		return new UnitCommand(code, name, englishName, type, parentCode, validFrom, validTo);
	}

	public String getCode() {
		return code;
	}

	public void setCode(String code) {
		this.code = code;
	}

	public String getName() {
		return name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getEnglishName() {
		return englishName;
	}

	public void setEnglishName(String englishName) {
		this.englishName = englishName;
	}

	public UnitType getType() {
		return type;
	}

	public void setType(UnitType type) {
		this.type = type;
	}

	public String getParentCode() {
		return parentCode;
	}

	public void setParentCode(String parentCode) {
		this.parentCode = parentCode;
	}

	public LocalDate getValidFrom() {
		return validFrom;
	}

	public void setValidFrom(LocalDate validFrom) {
		this.validFrom = validFrom;
	}

	public LocalDate getValidTo() {
		return validTo;
	}

	public void setValidTo(LocalDate validTo) {
		this.validTo = validTo;
	}

	public int getVersion() {
		return version;
	}

	public void setVersion(int version) {
		this.version = version;
	}

}
