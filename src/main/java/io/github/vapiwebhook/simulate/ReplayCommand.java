package io.github.vapiwebhook.simulate;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

import tools.jackson.databind.json.JsonMapper;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code replay}: sends a folder of recorded messages to a server again, signed anew, and
 * reports on the answers as simulate does.
 */
@Command(name = "replay", mixinStandardHelpOptions = true, sortOptions = false,
		description = "Sends the messages the server recorded (vapi.recording.*) to a webhook URL again, in the "
				+ "order they arrived, each signed anew, and checks every reply as simulate does.",
		exitCodeListHeading = "Exit codes:%n", exitCodeList = { "0:every reply was what Vapi expects",
				"1:at least one reply failed its check", "2:invalid options, or DIR holds no readable recording" })
public class ReplayCommand implements Callable<Integer> {

	@Spec
	private CommandSpec spec;

	@Parameters(index = "0", paramLabel = "DIR", description = "The recording folder.")
	private Path folder;

	@Option(names = "--url", required = true, paramLabel = "URL", description = "The webhook URL.")
	private URI url;

	@Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "20",
			description = "The server's timeoutSeconds (default: ${DEFAULT-VALUE}; assistant-request waits 7.5 s at most).")
	private double timeout = 20;

	@Mixin
	private SigningOptions signing;

	private final SimulationDefaults defaults;

	private final Clock clock;

	private final JsonMapper mapper = JsonMapper.builder().build();

	/** A command for a standalone run: signing comes from the options. */
	public ReplayCommand() {
		this(SimulationDefaults.NONE);
	}

	/**
	 * A command that signs as the server's configuration says, unless the options say
	 * otherwise.
	 * @param defaults the server's configuration
	 */
	public ReplayCommand(SimulationDefaults defaults) {
		this(defaults, Clock.systemUTC());
	}

	ReplayCommand(SimulationDefaults defaults, Clock clock) {
		this.defaults = defaults;
		this.clock = clock;
	}

	@Override
	public Integer call() {
		if (!(this.timeout > 0) || this.timeout > 300) {
			throw new ParameterException(this.spec.commandLine(), "--timeout must be above 0 and at most 300 seconds");
		}
		PrintWriter err = this.spec.commandLine().getErr();
		List<OutgoingMessage> messages;
		try {
			messages = new RecordedMessages(this.mapper).read(this.folder);
		}
		catch (InvalidInputException ex) {
			err.println(ex.getMessage());
			err.flush();
			return 2;
		}
		PrintWriter out = this.spec.commandLine().getOut();
		out.printf("Replaying %d recorded messages from %s to %s%n%n", messages.size(), this.folder, this.url);
		out.flush();
		Duration deadline = Duration.ofMillis(Math.round(this.timeout * 1000));
		MessageSender sender = new MessageSender(this.url, this.signing.signing(this.url, this.defaults), deadline,
				this.clock);
		return new Playback(sender, ReplyCheck.standard(this.mapper)).playAndReport(List.of(messages), 1, out, err);
	}

}
