package io.github.vapiwebhook.cli;

import java.io.PrintWriter;
import java.lang.reflect.Constructor;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.github.vapiwebhook.simulate.SimulationDefaults;
import io.github.vapiwebhook.vapiapi.NoCredentialPlanException;
import io.github.vapiwebhook.vapiapi.VapiApiException;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The command line of a Spring Boot application that uses the library: {@code connect},
 * {@code tools export}, {@code tools sync}, {@code simulate}, {@code replay}. The
 * runnable server's {@code main} uses it, and so can an application's own:
 *
 * <pre>
 * public static void main(String[] args) {
 *     VapiCommandLine commandLine = new VapiCommandLine(MyApplication.class);
 *     if (commandLine.handles(args)) {
 *         System.exit(commandLine.run(args));
 *     }
 *     SpringApplication.run(MyApplication.class, args);
 * }
 * </pre>
 *
 * A command starts the application's context without a web server, so that it reads the
 * configuration and the tools exactly as the server would. Arguments of the form
 * {@code --name.with.dot=value} are the application's settings; the others are the
 * command's.
 */
public final class VapiCommandLine {

	static final int OK = 0;

	static final int API_FAILURE = 1;

	static final int USAGE = 2;

	static final String EXIT_CODES_OK = "0:Success (a dry run included).";

	static final String EXIT_CODES_API = "1:Vapi's API failed or refused a call (the message says why).";

	static final String EXIT_CODES_USAGE = "2:Usage or configuration error: bad options, VAPI_API_KEY not set,"
			+ " no credential fits vapi.security, the application did not start.";

	// a Spring setting: --name=value where the name has a dot (--vapi.x=y, --spring.x=y)
	private static final Pattern SETTING = Pattern.compile("--[^=.]+\\.[^=]*(=.*)?", Pattern.DOTALL);

	private static final Set<String> HELP = Set.of("help", "--help", "-h", "--version", "-V");

	private final Class<?> application;

	private final Map<String, Object> properties;

	/**
	 * The command line of an application.
	 * @param application the application's main configuration class (as passed to
	 * {@code SpringApplication.run})
	 */
	public VapiCommandLine(Class<?> application) {
		this(application, Map.of());
	}

	private VapiCommandLine(Class<?> application, Map<String, Object> properties) {
		this.application = application;
		this.properties = Map.copyOf(properties);
	}

	/**
	 * The same command line with settings that apply only when a command runs, above the
	 * application's configuration files and environment variables (below
	 * {@code --name=value} arguments).
	 * @param properties the settings
	 * @return the command line
	 */
	public VapiCommandLine withProperties(Map<String, Object> properties) {
		Map<String, Object> all = new LinkedHashMap<>(this.properties);
		all.putAll(properties);
		return new VapiCommandLine(this.application, all);
	}

	/**
	 * Whether the arguments ask for a command rather than the server: the first argument
	 * that is not a {@code --name.with.dot=value} setting is a word (a command, or a
	 * mistyped one, which {@link #run(String...)} refuses with the list of commands
	 * instead of starting the server), or is {@code --help}, {@code -h},
	 * {@code --version} or {@code -V}. No arguments, or only options such as settings and
	 * {@code --debug}, run the server.
	 * @param args the program arguments
	 * @return whether {@link #run(String...)} should handle them
	 */
	public boolean handles(String... args) {
		for (String arg : args) {
			if (!SETTING.matcher(arg).matches()) {
				return HELP.contains(arg) || commandNames().contains(arg) || !arg.startsWith("-");
			}
		}
		return false;
	}

	/**
	 * Runs the command the arguments name, printing to standard output and error.
	 * @param args the program arguments
	 * @return the exit code: 0 success, 1 Vapi's API failed, 2 usage or configuration
	 * error
	 */
	public int run(String... args) {
		List<String> settings = new ArrayList<>();
		List<String> command = new ArrayList<>();
		for (String arg : args) {
			(SETTING.matcher(arg).matches() ? settings : command).add(arg);
		}
		PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
		PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
		try (SpringServerFacts facts = new SpringServerFacts(this.application, settings, this.properties, err)) {
			return commandLine(new CommandServices(facts, new ApiClients(System::getenv)), out, err)
				.execute(command.toArray(new String[0]));
		}
	}

	/**
	 * The picocli command line of every command, with their services.
	 */
	static CommandLine commandLine(CommandServices services, PrintWriter out, PrintWriter err) {
		CommandLine commandLine = new CommandLine(RootCommand.class, new Factory(services));
		commandLine.setOut(out);
		commandLine.setErr(err);
		commandLine.setExecutionExceptionHandler(VapiCommandLine::failed);
		return commandLine;
	}

	static Output output(@Nullable CommandSpec spec) {
		if (spec == null) {
			throw new IllegalStateException("picocli did not inject the command spec");
		}
		return new Output(spec.commandLine().getOut(), spec.commandLine().getErr(), JsonMapper.builder().build());
	}

	// an error the user can act on is one line without a stack trace; anything else is a
	// bug and propagates with its stack trace
	private static int failed(Exception ex, CommandLine commandLine, CommandLine.ParseResult parsed) throws Exception {
		int code;
		if (ex instanceof VapiApiException) {
			code = API_FAILURE;
		}
		else if (ex instanceof UsageException || ex instanceof NoCredentialPlanException
				|| ex instanceof IllegalArgumentException) {
			code = USAGE;
		}
		else {
			throw ex;
		}
		commandLine.getErr().println("Error: " + ex.getMessage());
		commandLine.getErr().flush();
		return code;
	}

	private static Set<String> commandNames() {
		Set<String> names = new java.util.HashSet<>();
		for (Class<?> type : RootCommand.class.getAnnotation(Command.class).subcommands()) {
			Command command = type.getAnnotation(Command.class);
			if (command != null) {
				names.add(command.name());
				names.addAll(List.of(command.aliases()));
			}
		}
		return names;
	}

	/**
	 * Makes the commands: those with a public constructor that takes the services, or the
	 * simulation defaults (simulate, replay), get them.
	 */
	private record Factory(CommandServices services) implements CommandLine.IFactory {

		@Override
		public <K> K create(Class<K> type) throws Exception {
			for (Constructor<?> constructor : type.getDeclaredConstructors()) {
				if (constructor.getParameterCount() == 1
						&& constructor.getParameterTypes()[0] == CommandServices.class) {
					constructor.setAccessible(true);
					return type.cast(constructor.newInstance(this.services));
				}
				if (constructor.getParameterCount() == 1
						&& constructor.getParameterTypes()[0] == SimulationDefaults.class) {
					return type.cast(constructor.newInstance(
							new ServerSimulationDefaults(this.services.server(), JsonMapper.builder().build())));
				}
			}
			return CommandLine.defaultFactory().create(type);
		}

	}

}
