package io.github.vapiwebhook.delivery;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The backlog of durable deliveries as gauges, read from the publication table when the
 * meters are read (a scrape), never on the request path: {@code vapi.delivery.pending},
 * deliveries neither finished nor failed (waiting, running or resubmitted), and
 * {@code vapi.delivery.failed}, deliveries whose listener failed (waiting for their next
 * retry, or dead letters with their tries used up).
 */
class DeliveryMetrics implements MeterBinder {

	private final JdbcTemplate jdbc;

	DeliveryMetrics(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("vapi.delivery.pending", this, DeliveryMetrics::pending)
			.description("Durable deliveries neither finished nor failed: waiting, running or resubmitted")
			.register(registry);
		Gauge.builder("vapi.delivery.failed", this, DeliveryMetrics::failed)
			.description("Durable deliveries whose listener failed: waiting for a retry, or dead letters")
			.register(registry);
	}

	double pending() {
		return count("completion_date IS NULL AND (status IS NULL OR status <> 'FAILED')");
	}

	double failed() {
		return count("completion_date IS NULL AND status = 'FAILED'");
	}

	private double count(String condition) {
		try {
			Long count = this.jdbc.queryForObject("SELECT COUNT(*) FROM event_publication WHERE " + condition,
					Long.class);
			return (count != null) ? count : 0;
		}
		catch (RuntimeException ex) {
			// the database is unreachable: the gauge has no value rather than a wrong one
			return Double.NaN;
		}
	}

}
