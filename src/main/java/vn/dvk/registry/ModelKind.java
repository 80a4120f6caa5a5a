package vn.dvk.registry;

/** A model (mô hình: a way of working that can be replicated) or an exemplar (điển hình: an outstanding subject). */
public enum ModelKind {

	MODEL, EXEMPLAR;

	public String messageKey() {
		return "registry.kind." + name();
	}

}
