package io.hallmark.cli;

import picocli.CommandLine;

/** A command that only groups subcommands: run without one, it shows its usage. */
abstract class ParentCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
