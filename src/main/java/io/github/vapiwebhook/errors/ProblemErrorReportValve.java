package io.github.vapiwebhook.errors;

import java.io.IOException;

import io.github.vapiwebhook.webhook.ProblemResponses;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

import org.springframework.http.HttpStatus;

/**
 * Tomcat's error report, as a problem document instead of an HTML page. Tomcat answers
 * some requests before any application code runs (a request line or headers that are
 * malformed, too many or too large) and renders those answers with the error report valve
 * of its host; this one is installed in place of the default (Tomcat's documented
 * {@code errorReportValveClass} extension point). It writes nothing when anything was
 * written already, as the default does.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

	private final ProblemResponses problems;

	ProblemErrorReportValve(ProblemResponses problems) {
		this.problems = problems;
		setShowReport(false);
		setShowServerInfo(false);
	}

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		HttpStatus resolved = HttpStatus.resolve(status);
		try {
			this.problems.write(response, (resolved != null) ? resolved : HttpStatus.BAD_REQUEST,
					"The request could not be read: its request line or headers are malformed or too large");
			response.finishResponse();
		}
		catch (IOException | IllegalStateException ex) {
			// the connection is gone or the answer is already on its way, as for the
			// default report: nothing more to tell the client
		}
	}

}
