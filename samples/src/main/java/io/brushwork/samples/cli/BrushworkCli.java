// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.samples.cli;

import io.brushwork.InvalidOptionException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/**
 * The {@code brushwork} command line. Exit codes: 0 success, 1 failure (a one-line message; the
 * whole message and the stack trace with {@code --verbose}), 2 bad usage (a one-line message and
 * where to find the command's help). {@code translate} exits with 1 after a folder in which some
 * pictures could not be translated, having written all the others.
 */
@Command(name = "brushwork", mixinStandardHelpOptions = true, versionProvider = BrushworkCli.Version.class,
        description = "Neural style transfer and GANs on the JVM.",
        subcommands = {StylizeCommand.class, TranslateCommand.class, GenerateCommand.class, BenchCommand.class,
                ModelsCommand.class, CommandLine.HelpCommand.class})
public final class BrushworkCli implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit code (for tests and embedding). */
    public static int execute(String... args) {
        CommandLine cli = new CommandLine(new BrushworkCli());
        cli.setParameterExceptionHandler((e, arguments) -> usageError(e.getCommandLine(), withSuggestions(e)));
        cli.setExecutionExceptionHandler(BrushworkCli::onFailure);
        return cli.execute(args);
    }

    /**
     * Prints a usage error as one line and the way to the command's help, rather than the whole
     * help, which would bury the line that matters.
     */
    private static int usageError(CommandLine cli, String message) {
        PrintWriter err = cli.getErr();
        err.println("brushwork: " + firstLine(message));
        err.println("Try '" + cli.getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        return cli.getCommandSpec().exitCodeOnInvalidInput();
    }

    private static String withSuggestions(CommandLine.ParameterException e) {
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched && !unmatched.getSuggestions().isEmpty()) {
            return firstLine(e.getMessage()) + " (did you mean " + String.join(" or ", unmatched.getSuggestions())
                    + "?)";
        }
        return e.getMessage();
    }

    private static int onFailure(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        boolean verbose = parsed.subcommands().stream().anyMatch(p -> p.hasMatchedOption("--verbose"))
                || parsed.hasMatchedOption("--verbose");
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        PrintWriter err = cli.getErr();
        int code;
        if (e instanceof InvalidOptionException) {
            code = usageError(cli, "invalid option " + message);
        } else {
            err.println("brushwork: " + (verbose ? message : firstLine(message)));
            code = 1;
        }
        if (verbose) {
            e.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    /** The first non-blank line: engines' messages may carry whole tracebacks, which only --verbose shows. */
    static String firstLine(String message) {
        return message.lines().filter(line -> !line.isBlank()).findFirst().map(String::strip).orElse(message);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
    }

    /** Reports the library version from the jar manifest when packaged. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = BrushworkCli.class.getPackage().getImplementationVersion();
            return new String[] {"brushwork " + (v == null ? "development build" : v)};
        }
    }
}
