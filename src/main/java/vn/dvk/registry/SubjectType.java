package vn.dvk.registry;

/** Whether the subject is a collective (tập thể) or an individual (cá nhân). */
public enum SubjectType {

	COLLECTIVE, INDIVIDUAL;

	public String messageKey() {
		return "registry.subject." + name();
	}

}
