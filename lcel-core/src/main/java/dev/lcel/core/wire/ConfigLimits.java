package dev.lcel.core.wire;

/**
 * How much of a client's config {@link ConfigCodec} reads: tags, metadata and the run name are
 * repeated in every event of a stream, so they are bounded.
 *
 * @param maxTags the most tags
 * @param maxTagLength the most characters of a tag or of the run name
 * @param maxMetadataSize the most characters of the metadata, as JSON
 * @param configuredAt the property prefix the limits are set under, named in refusals (such as
 * {@code lcel.server.limits}, giving {@code lcel.server.limits.max-tags}); empty to name none
 */
public record ConfigLimits(int maxTags, int maxTagLength, long maxMetadataSize, String configuredAt) {

	String property(String name) {
		return this.configuredAt.isEmpty() ? "" : " (" + this.configuredAt + "." + name + ")";
	}

}
