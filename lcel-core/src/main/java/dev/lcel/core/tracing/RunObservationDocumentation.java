package dev.lcel.core.tracing;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/**
 * The observation of a run: its name and key names.
 */
public enum RunObservationDocumentation implements ObservationDocumentation {

	/** One run of a runnable: a chain, a step, a branch, a model call. */
	RUN {

		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultRunObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return LowCardinalityKeyNames.values();
		}

		@Override
		public KeyName[] getHighCardinalityKeyNames() {
			return HighCardinalityKeyNames.values();
		}

	};

	/**
	 * Keys with few values, for metrics.
	 */
	public enum LowCardinalityKeyNames implements KeyName {

		/**
		 * The run's name: for a served chain's root run the name it is registered under, else the
		 * runnable's name or its run name from the application's code.
		 */
		RUN_NAME {
			@Override
			public String asString() {
				return "lcel.run.name";
			}
		},

		/** The run's type: chain, prompt, chat_model, parser, tool or retriever. */
		RUN_TYPE {
			@Override
			public String asString() {
				return "lcel.run.type";
			}
		},

		/** How the run was started: invoke or stream. */
		OPERATION {
			@Override
			public String asString() {
				return "lcel.operation";
			}
		},

		/** How the run ended: success, error or cancelled. */
		OUTCOME {
			@Override
			public String asString() {
				return "outcome";
			}
		},

		/** For a chat model run: the GenAI operation, {@code chat}. */
		GEN_AI_OPERATION {
			@Override
			public String asString() {
				return "gen_ai.operation.name";
			}

			@Override
			public boolean isRequired() {
				return false;
			}
		},

		/** For a chat model run: the provider, such as {@code openai}. */
		GEN_AI_PROVIDER {
			@Override
			public String asString() {
				return "gen_ai.provider.name";
			}

			@Override
			public boolean isRequired() {
				return false;
			}
		},

		/** For a chat model run: the requested model. */
		GEN_AI_MODEL {
			@Override
			public String asString() {
				return "gen_ai.request.model";
			}

			@Override
			public boolean isRequired() {
				return false;
			}
		}

	}

	/**
	 * Keys with many values, for traces only.
	 */
	public enum HighCardinalityKeyNames implements KeyName {

		/** The run's id. */
		RUN_ID {
			@Override
			public String asString() {
				return "lcel.run.id";
			}
		}

	}

}
