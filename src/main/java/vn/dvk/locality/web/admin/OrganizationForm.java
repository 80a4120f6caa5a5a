package vn.dvk.locality.web.admin;

import vn.dvk.locality.OrganizationCommand;
import vn.dvk.locality.OrganizationView;

/** The organization form; the service validates it. */
public class OrganizationForm {

	private String name;

	private String typeCode;

	private String localityCode;

	private Long parentId;

	private String email;

	private String phone;

	private int version;

	static OrganizationForm of(OrganizationView o) {
		OrganizationForm f = new OrganizationForm();
		f.name = o.name();
		f.typeCode = o.typeCode();
		f.localityCode = o.localityCode();
		f.parentId = o.parentId();
		f.email = o.email();
		f.phone = o.phone();
		f.version = o.version();
		return f;
	}

	OrganizationCommand command() {
		return new OrganizationCommand(name, typeCode, localityCode, parentId, email, phone);
	}

	public String getName() {
		return name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getTypeCode() {
		return typeCode;
	}

	public void setTypeCode(String typeCode) {
		this.typeCode = typeCode;
	}

	public String getLocalityCode() {
		return localityCode;
	}

	public void setLocalityCode(String localityCode) {
		this.localityCode = localityCode;
	}

	public Long getParentId() {
		return parentId;
	}

	public void setParentId(Long parentId) {
		this.parentId = parentId;
	}

	public String getEmail() {
		return email;
	}

	public void setEmail(String email) {
		this.email = email;
	}

	public String getPhone() {
		return phone;
	}

	public void setPhone(String phone) {
		this.phone = phone;
	}

	public int getVersion() {
		return version;
	}

	public void setVersion(int version) {
		this.version = version;
	}

}
