package io.github.vapiwebhook.errors;

import io.github.vapiwebhook.webhook.ProblemResponses;
import io.github.vapiwebhook.webhook.WebhookAutoConfiguration;
import org.apache.catalina.Container;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.startup.Tomcat;
import org.apache.catalina.valves.ErrorReportValve;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Problem documents for the answers that no controller of the application gives: Spring
 * MVC's own exceptions (unless the application has its own
 * {@link ResponseEntityExceptionHandler}), the error path (unless it has its own
 * {@link ErrorController}), and, on Tomcat, the host's error report.
 * {@code vapi.errors.problem-details=false} leaves all three to Spring Boot, for an
 * application that serves web pages beside the webhook.
 */
@AutoConfiguration(after = WebhookAutoConfiguration.class,
		before = { WebMvcAutoConfiguration.class, ErrorMvcAutoConfiguration.class })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnProperty(prefix = "vapi.errors", name = "problem-details", matchIfMissing = true)
public class ProblemErrorsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(ErrorController.class)
	ProblemErrorController problemErrorController(ProblemResponses problems) {
		return new ProblemErrorController(problems);
	}

	@Bean
	@ConditionalOnMissingBean(ResponseEntityExceptionHandler.class)
	ProblemExceptionHandler problemExceptionHandler(ProblemResponses problems) {
		return new ProblemExceptionHandler(problems);
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
