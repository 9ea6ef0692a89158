package io.lucidmq.cli.command;

import picocli.CommandLine.IVersionProvider;

/** The version of {@code --version}: the jar manifest's implementation version. */
final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = LucidCommand.class.getPackage().getImplementationVersion();
        return new String[] {"lucidmq " + (version == null ? "(development build)" : version)};
    }
}
