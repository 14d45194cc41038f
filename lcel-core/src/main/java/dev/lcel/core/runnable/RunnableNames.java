package dev.lcel.core.runnable;

/**
 * The default names of runnables, by class, worked out once per class: asking a class whether it
 * is anonymous is a native call, too slow for every chunk of a stream.
 */
final class RunnableNames {

	private static final ClassValue<String> NAMES = new ClassValue<>() {

		@Override
		protected String computeValue(Class<?> type) {
			return (type.isSynthetic() || type.isAnonymousClass()) ? "Runnable" : type.getSimpleName();
		}

	};

	private RunnableNames() {
	}

	static String of(Class<?> type) {
		return NAMES.get(type);
	}

}
