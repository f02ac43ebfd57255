package eu.riscale.modelhub.cli;

import picocli.CommandLine;

/** Reports the version of the modelhub jar (from its manifest when packaged). */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = ModelhubCommand.class.getPackage().getImplementationVersion();
        return new String[] {"modelhub " + (v == null ? "development build" : v)};
    }
}
