package dev.lcel.benchmarks;

import java.util.ArrayList;
import java.util.List;

/**
 * The JSON document of the streaming-JSON workloads: a list of countries of about the given size,
 * cut into the 10-character chunks a model would stream.
 */
final class CountriesDocument {

	private CountriesDocument() {
	}

	/**
	 * Return the document of about {@code kilobytes} KB in 10-character chunks.
	 * @param kilobytes the document's size
	 * @return the chunks, in order
	 */
	static List<String> chunks(int kilobytes) {
		StringBuilder json = new StringBuilder("{\"countries\": [");
		for (int i = 0; json.length() < kilobytes * 1024; i++) {
			json.append((i > 0) ? ", " : "").append("{\"name\": \"Country ").append(i)
				.append("\", \"population\": ").append(1000 + i).append(", \"tags\": [\"a\", \"b\"]}");
		}
		json.append("]}");
		List<String> chunks = new ArrayList<>();
		for (int i = 0; i < json.length(); i += 10) {
			chunks.add(json.substring(i, Math.min(json.length(), i + 10)));
		}
		return chunks;
	}

}
