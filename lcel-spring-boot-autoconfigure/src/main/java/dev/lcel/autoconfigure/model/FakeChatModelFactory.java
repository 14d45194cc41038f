package dev.lcel.autoconfigure.model;

import java.util.List;

import dev.lcel.core.models.ChatModel;
import dev.lcel.core.models.FakeStreamingChatModel;

import org.springframework.web.reactive.function.client.WebClient;

/**
 * The {@code fake} provider: a {@link FakeStreamingChatModel} that streams scripted replies in
 * turn, offline, for demos and tests. Not a language model, and it never pretends to be one.
 */
class FakeChatModelFactory implements ChatModelFactory {

	@Override
	public String provider() {
		return "fake";
	}

	@Override
	public ChatModel create(String name, ModelProperties properties, WebClient.Builder webClient) {
		ModelProperties.Fake fake = properties.fake();
		return FakeStreamingChatModel.builder()
			.responses(fake.responses().isEmpty() ? List.of("(the fake model '" + name
					+ "' has no scripted responses; set lcel.models." + name + ".fake.responses)") : fake.responses())
			.chunkSize(Math.max(1, fake.chunkSize()))
			.delay(fake.delay())
			.build();
	}

}
