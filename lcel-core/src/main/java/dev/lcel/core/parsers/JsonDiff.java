package dev.lcel.core.parsers;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.lcel.core.json.JsonPatchOp;

/**
 * Computes the JSON Patch that turns one snapshot of a streamed JSON value into the next.
 *
 * <p>Snapshots of the same container share their finished elements, so elements before the
 * previous snapshot's finished count are skipped without comparison; a full comparison happens
 * only when the container's storage was reallocated (doubling), which keeps the total work linear.
 * A growing string is one {@code replace} of the whole string.
 */
final class JsonDiff {

	private JsonDiff() {
	}

	static List<JsonPatchOp> diff(Object previous, Object next) {
		List<JsonPatchOp> ops = new ArrayList<>();
		if (previous == PartialJsonParser.NONE) {
			ops.add(JsonPatchOp.replace("", next));
		}
		else {
			diff("", previous, next, ops);
		}
		return ops;
	}

	private static void diff(String path, Object previous, Object next, List<JsonPatchOp> ops) {
		if (previous == next) {
			return;
		}
		if (previous instanceof FrozenMap a && next instanceof FrozenMap b) {
			diffMaps(path, a, b, ops);
		}
		else if (previous instanceof List<?> a && next instanceof List<?> b) {
			diffLists(path, a, b, ops);
		}
		else if (!Objects.equals(previous, next) || previous instanceof Map || previous instanceof List) {
			ops.add(JsonPatchOp.replace(path, next));
		}
	}

	private static void diffLists(String path, List<?> a, List<?> b, List<JsonPatchOp> ops) {
		int start = 0;
		if (a instanceof FrozenList fa && b instanceof FrozenList fb && fa.elements == fb.elements) {
			start = fa.closed;
		}
		int common = Math.min(a.size(), b.size());
		for (int i = start; i < common; i++) {
			diff(path + "/" + i, a.get(i), b.get(i), ops);
		}
		for (int i = common; i < b.size(); i++) {
			ops.add(JsonPatchOp.add(path + "/" + i, b.get(i)));
		}
		for (int i = a.size() - 1; i >= common; i--) {
			ops.add(JsonPatchOp.remove(path + "/" + i));
		}
	}

	private static void diffMaps(String path, FrozenMap a, FrozenMap b, List<JsonPatchOp> ops) {
		int start = (a.keys == b.keys && a.values == b.values) ? a.closed : 0;
		Map<String, Object> earlier = new HashMap<>();
		for (int i = start; i < a.size(); i++) {
			earlier.put(a.keyAt(i), a.valueAt(i));
		}
		for (int i = start; i < b.size(); i++) {
			String key = b.keyAt(i);
			String keyPath = path + "/" + escape(key);
			if (earlier.containsKey(key)) {
				diff(keyPath, earlier.remove(key), b.valueAt(i), ops);
			}
			else {
				ops.add(JsonPatchOp.add(keyPath, b.valueAt(i)));
			}
		}
		for (String key : earlier.keySet()) {
			ops.add(JsonPatchOp.remove(path + "/" + escape(key)));
		}
	}

	private static String escape(String key) {
		return key.replace("~", "~0").replace("/", "~1");
	}

}
