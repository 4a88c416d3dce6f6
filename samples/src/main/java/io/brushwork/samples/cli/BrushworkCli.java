// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.samples.cli;

import io.brushwork.InvalidOptionException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/**
 * The {@code brushwork} command line. Exit codes: 0 success, 1 failure (one-line message; the
 * stack trace with {@code --verbose}), 2 bad usage.
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
        cli.setExecutionExceptionHandler(BrushworkCli::onFailure);
        return cli.execute(args);
    }

    private static int onFailure(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        PrintWriter err = cli.getErr();
        boolean verbose = parsed.subcommands().stream().anyMatch(p -> p.hasMatchedOption("--verbose"))
                || parsed.hasMatchedOption("--verbose");
        if (e instanceof InvalidOptionException) {
            err.println("brushwork: invalid option " + e.getMessage());
            if (verbose) {
                e.printStackTrace(err);
            }
            return 2;
        }
        err.println("brushwork: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
        if (verbose) {
            e.printStackTrace(err);
        }
        return 1;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required (try 'brushwork help')");
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
