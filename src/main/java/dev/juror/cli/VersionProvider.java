package dev.juror.cli;

import picocli.CommandLine;

/** Reports the version written into the jar manifest by the build. */
public final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = JurorCli.class.getPackage().getImplementationVersion();
        return new String[] {"juror " + (version == null ? "development build" : version)};
    }
}
