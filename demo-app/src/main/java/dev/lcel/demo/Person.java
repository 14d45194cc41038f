package dev.lcel.demo;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * A person described in a sentence: what the demo's {@code extract} chain answers with, named in
 * {@code application.yml} as the model step's {@code output.type}.
 *
 * @param name the person's name
 * @param age the person's age in years
 * @param skills what the person can do
 */
@JsonClassDescription("A person mentioned in the text")
public record Person(@JsonPropertyDescription("The person's name, as written in the text") String name,
		@JsonPropertyDescription("The person's age in years") int age,
		@JsonPropertyDescription("What the person is good at, one short phrase each") List<String> skills) {
}
