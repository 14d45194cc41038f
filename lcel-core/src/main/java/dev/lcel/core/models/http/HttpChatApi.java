package dev.lcel.core.models.http;

import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Supplier;

import dev.lcel.core.messages.BaseMessage;
import dev.lcel.core.models.ChatOptions;
import dev.lcel.core.models.StructuredOutputMethod;
import dev.lcel.core.models.ToolDefinition;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.client.ClientResponse;
import reactor.core.publisher.Flux;
import tools.jackson.databind.node.ObjectNode;

/**
 * What one provider's streaming chat API looks like to {@link HttpChatModel}: where it posts and
 * where it checks reachability, how it writes the request body, how the answer is framed and
 * decoded, what its end event is called when it never arrives, and how it is asked for structured
 * output.
 *
 * <pre class="code">
 * static final HttpChatApi API = new HttpChatApi("openai", "/chat/completions", "/models",
 *         Framing.SERVER_SENT_EVENTS, OpenAiRequests::body, OpenAiChunks::new, "data: [DONE]",
 *         OpenAiStructuredOutput.SUPPORT);
 * </pre>
 *
 * @param provider the provider's name, as OpenTelemetry's GenAI conventions give it, such as
 * {@code openai}
 * @param chatPath the path of the streaming chat endpoint, relative to the base URL
 * @param healthPath the path of a cheap endpoint that proves the provider reachable and the
 * credentials good without spending tokens, such as the list of models
 * @param framing how the frames of a streamed answer are delimited
 * @param requestBody writes the body of a streaming chat request
 * @param decoder creates the decoder of one streamed answer, called once per response
 * @param endEvent the provider's end event as an answer cut off without it is reported, such as
 * {@code data: [DONE]}
 * @param structuredOutput how the provider is asked for output of a JSON Schema
 */
public record HttpChatApi(String provider, String chatPath, String healthPath, Framing framing,
		RequestBody requestBody, Supplier<? extends StreamDecoder> decoder, String endEvent,
		StructuredOutput structuredOutput) {

	/**
	 * Create the description of an API, checking that every part is given.
	 * @param provider the provider's name
	 * @param chatPath the path of the chat endpoint
	 * @param healthPath the path of the reachability check
	 * @param framing how frames are delimited
	 * @param requestBody writes the request body
	 * @param decoder creates a decoder per answer
	 * @param endEvent the end event's name in messages
	 * @param structuredOutput the structured-output methods
	 */
	public HttpChatApi {
		Objects.requireNonNull(provider, "provider must not be null");
		Objects.requireNonNull(chatPath, "chatPath must not be null");
		Objects.requireNonNull(healthPath, "healthPath must not be null");
		Objects.requireNonNull(framing, "framing must not be null");
		Objects.requireNonNull(requestBody, "requestBody must not be null");
		Objects.requireNonNull(decoder, "decoder must not be null");
		Objects.requireNonNull(endEvent, "endEvent must not be null");
		Objects.requireNonNull(structuredOutput, "structuredOutput must not be null");
	}

	/**
	 * How the frames of a successful streamed answer are delimited.
	 */
	public enum Framing {

		/** Server-sent events: each event's {@code data} is a frame. */
		SERVER_SENT_EVENTS {

			@Override
			Flux<String> frames(ClientResponse response) {
				return response.bodyToFlux(Events.TYPE).mapNotNull(ServerSentEvent::data);
			}

		},

		/** Newline-delimited JSON: each line is a frame. */
		JSON_LINES {

			@Override
			Flux<String> frames(ClientResponse response) {
				return response.bodyToFlux(String.class);
			}

		};

		/**
		 * Return the frames of a response as they arrive.
		 * @param response the response, status 2xx
		 * @return the frames' texts
		 */
		abstract Flux<String> frames(ClientResponse response);

	}

	/**
	 * Writes the body of one streaming chat request in the provider's format.
	 */
	@FunctionalInterface
	public interface RequestBody {

		/**
		 * Write the body.
		 * @param model the model's name at the provider
		 * @param messages the conversation
		 * @param options the call's options, the model's defaults included
		 * @return the JSON body
		 * @throws IllegalArgumentException if the conversation holds what the provider cannot take
		 */
		ObjectNode write(String model, List<BaseMessage> messages, ChatOptions options);

	}

	/**
	 * How a provider is asked for output of a JSON Schema: its native mode, the methods it supports,
	 * and the options that ask for each.
	 *
	 * @param defaultMethod the method {@code withStructuredOutput} uses unless told otherwise
	 * @param supported the methods the provider supports, in the order an error lists them
	 * @param options the options that ask for a supported method, given the schema as a tool
	 */
	public record StructuredOutput(StructuredOutputMethod defaultMethod, List<StructuredOutputMethod> supported,
			BiFunction<StructuredOutputMethod, ToolDefinition, ChatOptions> options) {

		/** Instructions alone, for a provider without a native mode. */
		public static final StructuredOutput INSTRUCTIONS = new StructuredOutput(StructuredOutputMethod.INSTRUCTIONS,
				List.of(StructuredOutputMethod.INSTRUCTIONS), (method, schema) -> ChatOptions.EMPTY);

		/**
		 * Create the description, copying the list.
		 * @param defaultMethod the default method, one of {@code supported}
		 * @param supported the supported methods
		 * @param options the options of each supported method
		 * @throws IllegalArgumentException if the default method is not supported
		 */
		public StructuredOutput {
			Objects.requireNonNull(defaultMethod, "defaultMethod must not be null");
			supported = List.copyOf(supported);
			Objects.requireNonNull(options, "options must not be null");
			if (!supported.contains(defaultMethod)) {
				throw new IllegalArgumentException("The default method " + defaultMethod.wireName()
						+ " must be one of the supported " + supported);
			}
		}

	}

	private static final class Events {

		static final ParameterizedTypeReference<ServerSentEvent<String>> TYPE = new ParameterizedTypeReference<>() {
		};

	}

}
