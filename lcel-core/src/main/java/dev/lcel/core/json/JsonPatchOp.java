package dev.lcel.core.json;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;

/**
 * One operation of a JSON Patch (RFC 6902): {@code add}, {@code remove} or {@code replace} a value
 * at a JSON Pointer path. What {@code JsonOutputParser} emits in diff mode, and what a run log's
 * patches are made of.
 *
 * <p>Values are Java objects (maps, lists, strings, numbers, messages); they become JSON when the
 * operation is serialised.
 *
 * @param op the operation: {@code add}, {@code remove} or {@code replace}
 * @param path the JSON Pointer (RFC 6901) of the target; {@code ""} is the whole document
 * @param value the new value ({@code null} for {@code remove}, or a JSON null)
 */
public record JsonPatchOp(String op, String path, @Nullable Object value) {

	/**
	 * Create an operation, checking its kind and path.
	 * @param op the operation
	 * @param path the JSON Pointer of the target
	 * @param value the new value
	 */
	public JsonPatchOp {
		Objects.requireNonNull(op, "op must not be null");
		Objects.requireNonNull(path, "path must not be null");
	}

	/**
	 * Return an operation that adds a value, or appends it to an array at a path ending in
	 * {@code /-}.
	 * @param path the JSON Pointer of the target
	 * @param value the value
	 * @return the operation
	 */
	public static JsonPatchOp add(String path, @Nullable Object value) {
		return new JsonPatchOp("add", path, value);
	}

	/**
	 * Return an operation that replaces the value at a path.
	 * @param path the JSON Pointer of the target
	 * @param value the new value
	 * @return the operation
	 */
	public static JsonPatchOp replace(String path, @Nullable Object value) {
		return new JsonPatchOp("replace", path, value);
	}

	/**
	 * Return an operation that removes the value at a path.
	 * @param path the JSON Pointer of the target
	 * @return the operation
	 */
	public static JsonPatchOp remove(String path) {
		return new JsonPatchOp("remove", path, null);
	}

	/**
	 * Return this operation in its JSON form: {@code op}, {@code path} and, except for
	 * {@code remove}, {@code value} (even when it is null).
	 * @return the JSON object as a map
	 */
	@JsonValue
	public Map<String, @Nullable Object> toJson() {
		Map<String, @Nullable Object> json = new LinkedHashMap<>();
		json.put("op", this.op);
		json.put("path", this.path);
		if (!"remove".equals(this.op)) {
			json.put("value", this.value);
		}
		return json;
	}

}
