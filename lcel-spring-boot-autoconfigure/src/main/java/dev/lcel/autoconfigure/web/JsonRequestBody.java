package dev.lcel.autoconfigure.web;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.UnexpectedEndOfInputException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.server.ServerRequest;

/**
 * Reads a chain request's body as one JSON object, strictly: only {@code application/json} (in
 * UTF-8) is accepted (415 otherwise, so that no cross-site form or text post can run a chain
 * without a CORS preflight), the body must fit the size limit (413), be valid UTF-8 (no overlong
 * or truncated sequences, 400), hold at most {@code max-json-values} values (413) and be valid
 * JSON within Jackson's read limits (400). Every refusal
 * says what was wrong in our own words, never a parser's class or option names.
 */
public final class JsonRequestBody {

	/**
	 * The largest body parsed on the thread it arrived on (the event loop); a larger one is parsed
	 * on bounded elastic, and the chain it calls then starts there. A chain's steps that may block
	 * move off the event loop themselves (see {@code Offload}).
	 */
	static final int PARSED_ON_ARRIVAL = 16 * 1024;

	private final JsonMapper json;

	/** Reads trees with the mapper's settings, configured once rather than per body. */
	private final ObjectReader trees;

	private final long limit;

	private final int maxValues;

	/**
	 * Create a reader with the given limits.
	 * @param json the mapper that parses
	 * @param limit the most bytes a body may have
	 * @param maxValues the most JSON values a body may hold
	 */
	public JsonRequestBody(JsonMapper json, long limit, int maxValues) {
		this.json = json;
		this.trees = json.reader();
		this.limit = limit;
		this.maxValues = maxValues;
	}

	/**
	 * Read a request's body once it has arrived: on the event loop, or off it for a body larger
	 * than {@value #PARSED_ON_ARRIVAL} bytes.
	 * @param request the request
	 * @return the body, or a {@link ChainRequestException} naming what was wrong, or a
	 * {@link RequestBodyAbortedException} when the client went away
	 */
	public Mono<JsonNode> read(ServerRequest request) {
		MediaType type = request.headers().contentType().orElse(null);
		if (!isJson(type)) {
			return Mono.error(new ChainRequestException(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
					"Send the request as Content-Type: application/json"
							+ ((type != null) ? ", not " + ProblemText.abbreviate(type.toString()) : "")));
		}
		if (request.headers().contentLength().orElse(0) > this.limit) {
			return Mono.error(tooLarge());
		}
		Flux<DataBuffer> content = request.body(BodyExtractors.toDataBuffers())
			.contextWrite(AbortedConnections::quietWhenDropped);
		return DataBufferUtils.join(content, (int) Math.min(this.limit, Integer.MAX_VALUE))
			.onErrorMap(DataBufferLimitException.class, (ex) -> tooLarge())
			.onErrorMap((ex) -> !(ex instanceof ChainRequestException), RequestBodyAbortedException::new)
			// Parsing and the schema check that follow cost CPU in proportion to the body: a large
			// one goes off the event loop, so that other connections are served meanwhile.
			.flatMap((buffer) -> (buffer.readableByteCount() > PARSED_ON_ARRIVAL)
					? Mono.just(buffer).publishOn(Schedulers.boundedElastic()) : Mono.just(buffer))
			.map(this::parse)
			.switchIfEmpty(Mono.error(() -> new ChainRequestException(HttpStatus.BAD_REQUEST,
					"The request body is empty; send {\"input\": ...}")));
	}

	private JsonNode parse(DataBuffer buffer) {
		try {
			byte[] bytes = new byte[buffer.readableByteCount()];
			buffer.read(bytes);
			checkUtf8(bytes);
			if (bytes.length > this.maxValues) {
				// Every value starts at a byte of its own: a body of n bytes holds at most n values.
				checkValueCount(bytes);
			}
			JsonNode body = this.trees.readTree(bytes);
			if (body == null || !body.isObject()) {
				throw new ChainRequestException(HttpStatus.BAD_REQUEST, "The request body must be a JSON object");
			}
			return body;
		}
		catch (JacksonException ex) {
			throw new ChainRequestException(HttpStatus.BAD_REQUEST, describe(ex));
		}
		finally {
			DataBufferUtils.release(buffer);
		}
	}

	private static boolean isJson(MediaType type) {
		if (type == null || !MediaType.APPLICATION_JSON.equalsTypeAndSubtype(type)) {
			return false;
		}
		return type.getParameter("charset") == null || StandardCharsets.UTF_8.equals(type.getCharset());
	}

	/**
	 * Refuse what Java's strict decoder refuses: overlong forms (such as {@code C0 AE} for a dot),
	 * surrogates encoded in UTF-8, truncated and stray continuation bytes.
	 */
	private static void checkUtf8(byte[] bytes) {
		if (isAscii(bytes)) {
			// ASCII is valid UTF-8: most bodies need no decoder (and its 16 KB buffer) at all.
			return;
		}
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		ByteBuffer in = ByteBuffer.wrap(bytes);
		CharBuffer out = CharBuffer.allocate(8192);
		while (true) {
			CoderResult result = decoder.decode(in, out, true);
			if (result.isError()) {
				throw new ChainRequestException(HttpStatus.BAD_REQUEST,
						"The request body is not valid UTF-8 (at byte " + in.position() + ")");
			}
			if (result.isUnderflow()) {
				return;
			}
			out.clear();
		}
	}

	private static boolean isAscii(byte[] bytes) {
		for (byte b : bytes) {
			if (b < 0) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Count the body's JSON values with the streaming parser before any tree is built: a tree
	 * costs about a hundred bytes of heap per value, so a 1 MiB body of {@code {}} elements would
	 * take tens of MiB.
	 */
	private void checkValueCount(byte[] bytes) {
		try (JsonParser parser = this.json.createParser(bytes)) {
			long values = 0;
			for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
				if (token.isScalarValue() || token.isStructStart()) {
					values++;
					if (values > this.maxValues) {
						throw new ChainRequestException(HttpStatus.CONTENT_TOO_LARGE, "The request body holds more than "
								+ this.maxValues + " JSON values (lcel.server.limits.max-json-values)");
					}
				}
			}
		}
	}

	static String describe(JacksonException ex) {
		if (ex instanceof StreamConstraintsException) {
			StreamReadConstraints limits = StreamReadConstraints.defaults();
			String text = String.valueOf(ex.getOriginalMessage()).toLowerCase(Locale.ROOT);
			if (text.contains("nesting")) {
				return "The request body nests JSON deeper than " + limits.getMaxNestingDepth() + " levels";
			}
			if (text.contains("number")) {
				return "The request body has a number longer than " + limits.getMaxNumberLength() + " characters";
			}
			if (text.contains("name")) {
				return "The request body has a property name longer than " + limits.getMaxNameLength() + " characters";
			}
			return "The request body goes beyond what the server reads in one JSON document";
		}
		if (ex instanceof UnexpectedEndOfInputException) {
			return "The request body ends before its JSON is complete";
		}
		TokenStreamLocation location = ex.getLocation();
		return "The request body is not valid JSON"
				+ ((location != null && location.getLineNr() > 0)
						? " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")" : "");
	}

	private ChainRequestException tooLarge() {
		return new ChainRequestException(HttpStatus.CONTENT_TOO_LARGE,
				"The request body is larger than the limit of " + this.limit + " bytes (lcel.server.max-request-size)");
	}

}
