package dev.lcel.autoconfigure.model;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Chat models configured under {@code lcel.models.<name>}, and the one a chain gets when it names
 * none. The one {@code @ConfigurationProperties} class of the {@code lcel} prefix itself; every
 * other group of lcel has its own prefix ({@code lcel.server}, {@code lcel.health}, ...), and
 * {@code lcel.chains} is bound by the chain package (see {@code ChainsProperties}).
 */
@ConfigurationProperties("lcel")
public class ModelsProperties {

	/** Chat models by name. */
	private Map<String, ModelProperties> models = new LinkedHashMap<>();

	/** The model a 'model:' step with no name uses; defaults to the only model when there is one. */
	private String defaultModel;

	public Map<String, ModelProperties> getModels() {
		return this.models;
	}

	public void setModels(Map<String, ModelProperties> models) {
		this.models = models;
	}

	public String getDefaultModel() {
		return this.defaultModel;
	}

	public void setDefaultModel(String defaultModel) {
		this.defaultModel = defaultModel;
	}

}
