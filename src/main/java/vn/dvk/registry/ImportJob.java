package vn.dvk.registry;

/**
 * An import running in the background: how far it is, and its report when it has finished.
 *
 * @param status RUNNING, DONE or FAILED
 */
public record ImportJob(String id, String filename, String status, int total, int done, ImportReport report,
		String failureKey) {

	public boolean running() {
		return "RUNNING".equals(status);
	}

	public int percent() {
		return total == 0 ? 100 : Math.min(100, done * 100 / total);
	}

}
