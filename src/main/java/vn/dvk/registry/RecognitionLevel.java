package vn.dvk.registry;

/** The level at which a model was recognized (công nhận). */
public enum RecognitionLevel {

	COMMUNE, PROVINCE, CENTRAL;

	public String messageKey() {
		return "registry.level." + name();
	}

}
