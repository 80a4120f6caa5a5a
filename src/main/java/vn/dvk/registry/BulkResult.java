package vn.dvk.registry;

import java.util.List;

/** What a bulk action did: the models changed, and each refusal with its message key. */
public record BulkResult(List<Long> done, List<Refusal> refused) {

	public record Refusal(long modelId, String messageKey, Object[] arguments) {
	}

}
