package dev.lcel.autoconfigure.observation;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.config.MeterFilterReply;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * A defensive bound on the values of lcel's name tags: at most {@code maxTagValues} values of
 * {@code lcel.run.name} on {@code lcel.run*} meters and of {@code gen_ai.request.model} on
 * {@code gen_ai.client*} meters. Their values come from the application's own vocabulary (chain,
 * step and model names), so the bound is only reached if a chain is built from request data;
 * meters with further values are then not recorded, and a warning says so once.
 */
final class BoundedTagValues implements MeterFilter {

	private static final Log logger = LogFactory.getLog(BoundedTagValues.class);

	private final List<MeterFilter> limits;

	BoundedTagValues(int maxTagValues) {
		MeterFilter beyond = new DenyWithWarning(maxTagValues);
		this.limits = List.of(MeterFilter.maximumAllowableTags("lcel.run", "lcel.run.name", maxTagValues, beyond),
				MeterFilter.maximumAllowableTags("gen_ai.client", "gen_ai.request.model", maxTagValues, beyond));
	}

	@Override
	public MeterFilterReply accept(Meter.Id id) {
		for (MeterFilter limit : this.limits) {
			MeterFilterReply reply = limit.accept(id);
			if (reply != MeterFilterReply.NEUTRAL) {
				return reply;
			}
		}
		return MeterFilterReply.NEUTRAL;
	}

	/** What happens to a meter beyond the bound: denied, with one warning for the application. */
	private static final class DenyWithWarning implements MeterFilter {

		private final AtomicBoolean warned = new AtomicBoolean();

		private final int maxTagValues;

		private DenyWithWarning(int maxTagValues) {
			this.maxTagValues = maxTagValues;
		}

		@Override
		public MeterFilterReply accept(Meter.Id id) {
			if (this.warned.compareAndSet(false, true)) {
				logger.warn("Meter " + id.getName() + " reached " + this.maxTagValues
						+ " values of a name tag (lcel.metrics.max-tag-values); further values are not recorded");
			}
			return MeterFilterReply.DENY;
		}

	}

}
