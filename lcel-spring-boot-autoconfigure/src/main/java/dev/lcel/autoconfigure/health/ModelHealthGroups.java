package dev.lcel.autoconfigure.health;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.actuate.endpoint.EndpointId;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.web.AdditionalPathsMapper;
import org.springframework.boot.actuate.endpoint.web.WebServerNamespace;
import org.springframework.boot.health.actuate.endpoint.AdditionalHealthEndpointPath;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroup;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroupsPostProcessor;
import org.springframework.boot.health.actuate.endpoint.HttpCodeStatusMapper;
import org.springframework.boot.health.actuate.endpoint.StatusAggregator;

/**
 * Keeps the models' health out of the instance's overall status: the {@code lcel} contributor is
 * left out of the primary group ({@code /actuator/health}) and is the only member of its own group
 * {@code lcel-models} ({@code /actuator/health/lcel-models}), so that one provider's outage does not take every
 * instance out of a load balancer. Groups the application defines keep their members, the probes
 * included (which by default hold only the liveness and readiness states).
 */
final class ModelHealthGroups implements HealthEndpointGroupsPostProcessor {

	/** The name of the models' contributor. */
	static final String CONTRIBUTOR = "lcel";

	/** The name of the models' group: a group may not have a contributor's name. */
	static final String GROUP = "lcel-models";

	@Override
	public HealthEndpointGroups postProcessHealthEndpointGroups(HealthEndpointGroups groups) {
		Map<String, HealthEndpointGroup> named = new LinkedHashMap<>();
		for (String name : groups.getNames()) {
			named.put(name, groups.get(name));
		}
		named.putIfAbsent(GROUP, new ModelsGroup(groups.getPrimary()));
		return new Groups(groups, new WithoutModels(groups.getPrimary()), named);
	}

	private static boolean isModels(String name) {
		return name.equals(CONTRIBUTOR) || name.startsWith(CONTRIBUTOR + "/");
	}

	/** The groups, with the primary group and the models' group replaced. */
	private record Groups(HealthEndpointGroups delegate, HealthEndpointGroup primary,
			Map<String, HealthEndpointGroup> named) implements HealthEndpointGroups, AdditionalPathsMapper {

		@Override
		public HealthEndpointGroup getPrimary() {
			return this.primary;
		}

		@Override
		public Set<String> getNames() {
			return this.named.keySet();
		}

		@Override
		public HealthEndpointGroup get(String name) {
			return this.named.get(name);
		}

		@Override
		public List<String> getAdditionalPaths(EndpointId endpointId, WebServerNamespace webServerNamespace) {
			return (this.delegate instanceof AdditionalPathsMapper mapper)
					? mapper.getAdditionalPaths(endpointId, webServerNamespace) : null;
		}

	}

	/** A group as another, with different members. */
	private abstract static class DelegatingGroup implements HealthEndpointGroup {

		private final HealthEndpointGroup delegate;

		DelegatingGroup(HealthEndpointGroup delegate) {
			this.delegate = delegate;
		}

		HealthEndpointGroup delegate() {
			return this.delegate;
		}

		@Override
		public boolean showComponents(SecurityContext securityContext) {
			return this.delegate.showComponents(securityContext);
		}

		@Override
		public boolean showDetails(SecurityContext securityContext) {
			return this.delegate.showDetails(securityContext);
		}

		@Override
		public StatusAggregator getStatusAggregator() {
			return this.delegate.getStatusAggregator();
		}

		@Override
		public HttpCodeStatusMapper getHttpCodeStatusMapper() {
			return this.delegate.getHttpCodeStatusMapper();
		}

	}

	/** The primary group without the models. */
	private static final class WithoutModels extends DelegatingGroup {

		WithoutModels(HealthEndpointGroup primary) {
			super(primary);
		}

		@Override
		public boolean isMember(String name) {
			return !isModels(name) && delegate().isMember(name);
		}

		@Override
		public AdditionalHealthEndpointPath getAdditionalPath() {
			return delegate().getAdditionalPath();
		}

	}

	/** The models alone, shown as the primary group shows its members. */
	private static final class ModelsGroup extends DelegatingGroup {

		ModelsGroup(HealthEndpointGroup primary) {
			super(primary);
		}

		@Override
		public boolean isMember(String name) {
			return isModels(name);
		}

		@Override
		public AdditionalHealthEndpointPath getAdditionalPath() {
			return null;
		}

	}

}
