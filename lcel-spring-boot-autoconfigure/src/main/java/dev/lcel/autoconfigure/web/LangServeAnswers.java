package dev.lcel.autoconfigure.web;

import java.util.List;
import java.util.UUID;

import dev.lcel.core.governance.usage.RunUsage;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JacksonSerializable;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.jsontype.TypeSerializer;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.MediaType;
import org.springframework.http.ReactiveHttpOutputMessage;
import org.springframework.web.reactive.function.BodyInserter;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Writes the JSON answers of {@code invoke} and {@code batch} in LangServe's shape, straight to
 * bytes: {@code {"output": ..., "metadata": {"run_id": ..., "feedback_tokens": [], "usage": ...}}}
 * and {@code {"output": [...], "metadata": {"run_ids": [...], "usage": ...}}}, always with every
 * key (a {@code null} output too, whatever the mapper's inclusion settings), with writers whose
 * serializer of the answer is looked up once, not per request, and no map built to hold it.
 */
final class LangServeAnswers {

	private final ObjectWriter invoke;

	private final ObjectWriter batch;

	LangServeAnswers(JsonMapper json) {
		this.invoke = json.writerFor(InvokeAnswer.class);
		this.batch = json.writerFor(BatchAnswer.class);
	}

	/**
	 * Return the JSON of an {@code invoke} answer.
	 * @param output the chain's output, or {@code null} for a run that gave none
	 * @param runId the run's id
	 * @param usage the run's token usage
	 * @return the JSON's UTF-8 bytes
	 */
	byte[] invoke(@Nullable Object output, UUID runId, RunUsage usage) {
		return this.invoke.writeValueAsBytes(new InvokeAnswer(output, runId, usage));
	}

	/**
	 * Return the JSON of a {@code batch} answer.
	 * @param outputs the outputs in input order ({@code null} for an input whose run gave none)
	 * @param runIds the runs' ids in input order
	 * @param usage the token usage of all the runs
	 * @return the JSON's UTF-8 bytes
	 */
	byte[] batch(List<@Nullable Object> outputs, List<String> runIds, RunUsage usage) {
		return this.batch.writeValueAsBytes(new BatchAnswer(outputs, runIds, usage));
	}

	/**
	 * Answer {@code 200 OK} with JSON already written: the bytes as they are, with their length, and
	 * no encoder looked up for them.
	 * @param json the JSON's UTF-8 bytes
	 * @return the response
	 */
	static Mono<ServerResponse> ok(byte[] json) {
		return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).body(new Bytes(json));
	}

	/** Writes bytes as the body, with their {@code Content-Length}. */
	private record Bytes(byte[] json) implements BodyInserter<byte[], ReactiveHttpOutputMessage> {

		@Override
		public Mono<Void> insert(ReactiveHttpOutputMessage message, Context context) {
			message.getHeaders().setContentLength(this.json.length);
			DataBuffer buffer = message.bufferFactory().wrap(this.json);
			return message.writeWith(Mono.just(buffer));
		}

	}

	/**
	 * An answer that writes itself: {@code output}, then {@code metadata} with the answer's own
	 * entries and the usage last.
	 */
	private interface Answer extends JacksonSerializable {

		@Nullable Object output();

		RunUsage usage();

		/** Write the metadata's entries before the usage. */
		void writeIds(JsonGenerator gen);

		@Override
		default void serialize(JsonGenerator gen, SerializationContext context) {
			gen.writeStartObject();
			gen.writeName("output");
			if (output() == null) {
				gen.writeNull();
			}
			else {
				context.writeValue(gen, output());
			}
			gen.writeObjectPropertyStart("metadata");
			writeIds(gen);
			gen.writeName("usage");
			context.writeValue(gen, usage());
			gen.writeEndObject();
			gen.writeEndObject();
		}

		@Override
		default void serializeWithType(JsonGenerator gen, SerializationContext context, TypeSerializer type) {
			serialize(gen, context);
		}

	}

	/** LangServe's {@code invoke} answer. */
	private record InvokeAnswer(@Nullable Object output, UUID runId, RunUsage usage) implements Answer {

		@Override
		public void writeIds(JsonGenerator gen) {
			gen.writeStringProperty("run_id", this.runId.toString());
			gen.writeName("feedback_tokens");
			gen.writeStartArray();
			gen.writeEndArray();
		}

	}

	/** LangServe's {@code batch} answer. */
	private record BatchAnswer(List<@Nullable Object> output, List<String> runIds, RunUsage usage) implements Answer {

		@Override
		public void writeIds(JsonGenerator gen) {
			gen.writeName("run_ids");
			gen.writeStartArray();
			for (String runId : this.runIds) {
				gen.writeString(runId);
			}
			gen.writeEndArray();
		}

	}

}
