package io.github.vapiwebhook.simulate;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code simulate}: plays a realistic call against any server that speaks Vapi's webhook
 * protocol and reports whether every answer is what Vapi expects.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true, sortOptions = false,
		description = { "Plays a realistic call against a webhook server: assistant-request, status updates, speech "
				+ "and transcript updates, one tool-calls message per tool, the end of the call and its "
				+ "end-of-call-report. Every request is signed as the options, else the application's vapi.security, say; every reply is checked against the shape Vapi "
				+ "expects and its deadline (7.5 s for assistant-request, --timeout for the rest).",
				"Built-in scenarios: inbound-call-with-tool, transfer, failed-tool." },
		exitCodeListHeading = "Exit codes:%n", exitCodeList = { "0:every reply was what Vapi expects",
				"1:at least one reply failed its check", "2:invalid options, scenario or tools" })
public class SimulateCommand implements Callable<Integer> {

	/** The most calls one run may play. */
	static final int MAX_CALLS = 1000;

	/** The highest rate, in calls per second. */
	static final double MAX_RATE = 50;

	@Spec
	private CommandSpec spec;

	@Option(names = "--url", required = true, paramLabel = "URL",
			description = "The webhook URL, such as http://localhost:8080/vapi/webhook.")
	private URI url;

	@Option(names = "--scenario", paramLabel = "NAME|FILE", defaultValue = "inbound-call-with-tool",
			description = "A built-in scenario or a scenario JSON file (default: ${DEFAULT-VALUE}).")
	private String scenario = "inbound-call-with-tool";

	@Option(names = "--calls", paramLabel = "N", defaultValue = "1",
			description = "How many calls to play (default: ${DEFAULT-VALUE}, at most 1000).")
	private int calls = 1;

	@Option(names = "--rate", paramLabel = "N", defaultValue = "1",
			description = "Calls started per second (default: ${DEFAULT-VALUE}, at most 50); "
					+ "at most 16 calls are in flight at once.")
	private double rate = 1;

	@Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "20",
			description = "The server's timeoutSeconds: how long Vapi waits for an answer "
					+ "(default: ${DEFAULT-VALUE}; assistant-request waits 7.5 s at most).")
	private double timeout = 20;

	@Option(names = "--tools-url", paramLabel = "URL",
			description = "Where to read the tool definitions, such as http://localhost:8080/actuator/vapitools.")
	private @Nullable URI toolsUrl;

	@Option(names = "--tools-token", paramLabel = "TOKEN", defaultValue = "${env:VAPI_MANAGEMENT_TOKEN}",
			description = "The actuator's bearer token (one of the server's vapi.management.tokens), sent with "
					+ "--tools-url (default: the environment variable VAPI_MANAGEMENT_TOKEN).")
	private @Nullable String toolsToken;

	@Option(names = "--tools-file", paramLabel = "FILE",
			description = "A JSON file of tool definitions, as GET /actuator/vapitools lists them.")
	private @Nullable Path toolsFile;

	@Mixin
	private SigningOptions signing;

	private final SimulationDefaults defaults;

	private final Clock clock;

	private final JsonMapper mapper = JsonMapper.builder().build();

	/** A command for a standalone run: everything comes from the options. */
	public SimulateCommand() {
		this(SimulationDefaults.NONE);
	}

	/**
	 * A command that signs and finds tools as the server's configuration says, unless the
	 * options say otherwise.
	 * @param defaults the server's configuration
	 */
	public SimulateCommand(SimulationDefaults defaults) {
		this(defaults, Clock.systemUTC());
	}

	SimulateCommand(SimulationDefaults defaults, Clock clock) {
		this.defaults = defaults;
		this.clock = clock;
	}

	@Override
	public Integer call() {
		validate();
		PrintWriter err = this.spec.commandLine().getErr();
		Scenario played;
		List<JsonNode> tools;
		try {
			played = Scenario.load(this.scenario, this.mapper);
			tools = tools();
		}
		catch (InvalidInputException ex) {
			err.println(ex.getMessage());
			err.flush();
			return 2;
		}
		Duration deadline = Duration.ofMillis(Math.round(this.timeout * 1000));
		CallScript script = new CallScript(this.mapper, tools, this.url, deadline);
		List<List<OutgoingMessage>> messages = new ArrayList<>();
		for (int call = 1; call <= this.calls; call++) {
			messages.add(script.messages(played, call, this.clock.instant()));
		}
		int total = messages.stream().mapToInt(List::size).sum();
		PrintWriter out = this.spec.commandLine().getOut();
		out.printf("Scenario %s: %s%n%d call(s), %d messages to %s%n%n", played.name(), played.description(),
				this.calls, total, this.url);
		out.flush();
		if (tools.isEmpty() && played.steps().stream().anyMatch((step) -> isToolCallsWithoutTools(step))) {
			err.println("No tools given (--tools-url or --tools-file): tool-calls steps without tools send nothing");
			err.flush();
		}
		MessageSender sender = new MessageSender(this.url, this.signing.signing(this.url, this.defaults), deadline,
				this.clock);
		return new Playback(sender, ReplyCheck.standard(this.mapper)).playAndReport(messages, this.rate, out, err);
	}

	private static boolean isToolCallsWithoutTools(JsonNode step) {
		return "tool-calls".equals(step.path("type").asString()) && !step.has("tools");
	}

	private void validate() {
		if (this.calls < 1 || this.calls > MAX_CALLS) {
			throw new ParameterException(this.spec.commandLine(), "--calls must be between 1 and " + MAX_CALLS);
		}
		if (!(this.rate > 0) || this.rate > MAX_RATE) {
			throw new ParameterException(this.spec.commandLine(), "--rate must be above 0 and at most 50");
		}
		if (!(this.timeout > 0) || this.timeout > 300) {
			throw new ParameterException(this.spec.commandLine(),
					"--timeout must be above 0 and at most 300 seconds, as Vapi's timeoutSeconds");
		}
		if (this.url.getScheme() == null || !this.url.getScheme().startsWith("http")) {
			throw new ParameterException(this.spec.commandLine(), "--url must be an http or https URL");
		}
		if (this.toolsUrl != null && this.toolsFile != null) {
			throw new ParameterException(this.spec.commandLine(), "Give --tools-url or --tools-file, not both");
		}
	}

	private List<JsonNode> tools() {
		ToolCatalog catalog = new ToolCatalog(this.mapper);
		if (this.toolsUrl != null) {
			return catalog.fromUrl(this.toolsUrl, this.toolsToken);
		}
		if (this.toolsFile != null) {
			return catalog.fromFile(this.toolsFile);
		}
		return this.defaults.tools();
	}

}
