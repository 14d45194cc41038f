package dev.lcel.core.tracing;

import java.util.List;
import java.util.Set;

/**
 * Chooses which runs {@code astreamEvents} and {@code astreamLog} report, by name, type and tag.
 *
 * <p>A run is included when no include criterion is set, or when its name, its type or one of its
 * tags is among those included; an included run is then dropped when its name, its type or one
 * of its tags is among those excluded.
 *
 * @param includeNames run names to include
 * @param includeTypes run types to include
 * @param includeTags tags to include
 * @param excludeNames run names to exclude
 * @param excludeTypes run types to exclude
 * @param excludeTags tags to exclude
 */
public record RunFilter(Set<String> includeNames, Set<RunType> includeTypes, Set<String> includeTags,
		Set<String> excludeNames, Set<RunType> excludeTypes, Set<String> excludeTags) {

	/** A filter that lets every run through. */
	public static final RunFilter ALL = new RunFilter(Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), Set.of());

	public RunFilter {
		includeNames = Set.copyOf(includeNames);
		includeTypes = Set.copyOf(includeTypes);
		includeTags = Set.copyOf(includeTags);
		excludeNames = Set.copyOf(excludeNames);
		excludeTypes = Set.copyOf(excludeTypes);
		excludeTags = Set.copyOf(excludeTags);
	}

	/**
	 * Return a copy that also includes runs of these names.
	 * @param names the names
	 * @return the filter
	 */
	public RunFilter includeNames(String... names) {
		return new RunFilter(Set.of(names), this.includeTypes, this.includeTags, this.excludeNames,
				this.excludeTypes, this.excludeTags);
	}

	/**
	 * Return a copy that also includes runs of these types.
	 * @param types the types
	 * @return the filter
	 */
	public RunFilter includeTypes(RunType... types) {
		return new RunFilter(this.includeNames, Set.of(types), this.includeTags, this.excludeNames, this.excludeTypes,
				this.excludeTags);
	}

	/**
	 * Return a copy that also includes runs with any of these tags.
	 * @param tags the tags
	 * @return the filter
	 */
	public RunFilter includeTags(String... tags) {
		return new RunFilter(this.includeNames, this.includeTypes, Set.of(tags), this.excludeNames, this.excludeTypes,
				this.excludeTags);
	}

	/**
	 * Return a copy that excludes runs of these names.
	 * @param names the names
	 * @return the filter
	 */
	public RunFilter excludeNames(String... names) {
		return new RunFilter(this.includeNames, this.includeTypes, this.includeTags, Set.of(names), this.excludeTypes,
				this.excludeTags);
	}

	/**
	 * Return a copy that excludes runs of these types.
	 * @param types the types
	 * @return the filter
	 */
	public RunFilter excludeTypes(RunType... types) {
		return new RunFilter(this.includeNames, this.includeTypes, this.includeTags, this.excludeNames, Set.of(types),
				this.excludeTags);
	}

	/**
	 * Return a copy that excludes runs with any of these tags.
	 * @param tags the tags
	 * @return the filter
	 */
	public RunFilter excludeTags(String... tags) {
		return new RunFilter(this.includeNames, this.includeTypes, this.includeTags, this.excludeNames,
				this.excludeTypes, Set.of(tags));
	}

	/**
	 * Return whether a run passes this filter.
	 * @param run the run
	 * @return {@code true} if it is reported
	 */
	public boolean test(RunInfo run) {
		boolean noInclude = this.includeNames.isEmpty() && this.includeTypes.isEmpty() && this.includeTags.isEmpty();
		boolean included = noInclude || this.includeNames.contains(run.name())
				|| this.includeTypes.contains(run.runType()) || anyOf(run.tags(), this.includeTags);
		return included && !this.excludeNames.contains(run.name()) && !this.excludeTypes.contains(run.runType())
				&& !anyOf(run.tags(), this.excludeTags);
	}

	private static boolean anyOf(List<String> tags, Set<String> wanted) {
		if (wanted.isEmpty()) {
			return false;
		}
		for (String tag : tags) {
			if (wanted.contains(tag)) {
				return true;
			}
		}
		return false;
	}

}
