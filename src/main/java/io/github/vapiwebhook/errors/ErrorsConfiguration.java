package io.github.vapiwebhook.errors;

import io.github.vapiwebhook.webhook.ProblemResponses;
import org.apache.catalina.Container;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.Valve;
import org.apache.catalina.startup.Tomcat;
import org.apache.catalina.valves.ErrorReportValve;

import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Problem documents for the answers that no controller gives: the error path, and, on
 * Tomcat, the host's error report. A bean of type {@link ErrorController} of your own
 * replaces the first.
 */
@Configuration(proxyBeanMethods = false)
class ErrorsConfiguration {

	@Bean
	@ConditionalOnMissingBean(ErrorController.class)
	ProblemErrorController problemErrorController(ProblemResponses problems) {
		return new ProblemErrorController(problems);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(Tomcat.class)
	static class TomcatErrorReport {

		@Bean
		WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReport(ProblemResponses problems) {
			return new ProblemErrorReportCustomizer(problems);
		}

	}

	/**
	 * Puts the {@link ProblemErrorReportValve} on the host, in place of the error report
	 * valve that Tomcat (or Spring Boot) adds. Runs after Spring Boot's own customizer.
	 */
	static final class ProblemErrorReportCustomizer
			implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

		private final ProblemResponses problems;

		ProblemErrorReportCustomizer(ProblemResponses problems) {
			this.problems = problems;
		}

		@Override
		public void customize(TomcatServletWebServerFactory factory) {
			factory.addContextCustomizers((context) -> {
				Container parent = context.getParent();
				if (parent instanceof StandardHost host) {
					for (Valve valve : host.getPipeline().getValves()) {
						if (valve instanceof ErrorReportValve) {
							host.getPipeline().removeValve(valve);
						}
					}
					host.getPipeline().addValve(new ProblemErrorReportValve(this.problems));
					// so that the host, when it starts, does not add its default valve
					host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
				}
			});
		}

		@Override
		public int getOrder() {
			return Ordered.LOWEST_PRECEDENCE;
		}

	}

}
