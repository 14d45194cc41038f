package dev.lcel.core.parsers;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * One operation of a JSON Patch (RFC 6902): {@code add}, {@code remove} or {@code replace} a value
 * at a JSON Pointer path. What {@link JsonOutputParser} emits in diff mode.
 *
 * @param op the operation: {@code add}, {@code remove} or {@code replace}
 * @param path the JSON Pointer (RFC 6901) of the target; {@code ""} is the whole document
 * @param value the new value ({@code null} for {@code remove}, or a JSON null)
 */
public record JsonPatchOp(String op, String path, Object value) {

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
	 * Return this operation in its JSON form: {@code op}, {@code path} and, except for
	 * {@code remove}, {@code value} (even when it is null).
	 * @return the JSON object as a map
	 */
	@JsonValue
	public Map<String, Object> toJson() {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("op", this.op);
		json.put("path", this.path);
		if (!"remove".equals(this.op)) {
			json.put("value", this.value);
		}
		return json;
	}

}
