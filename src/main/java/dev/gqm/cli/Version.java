package dev.gqm.cli;

import dev.gqm.report.BuildVersion;
import picocli.CommandLine.IVersionProvider;

/** The version of this build, as summary.json gives it. */
final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"gqm " + BuildVersion.get()};
    }
}
