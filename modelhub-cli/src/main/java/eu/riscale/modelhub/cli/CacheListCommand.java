package eu.riscale.modelhub.cli;

import eu.riscale.modelhub.core.resource.DownloadCache;
import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code modelhub cache list}: one line per cached URL (size, sha256, URL), then the total. Exit 0. */
@Command(
        name = "list",
        mixinStandardHelpOptions = true,
        description = "List the cached downloads: size, sha256 and URL, one per line, then the total.")
final class CacheListCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    SourceOptions sourceOptions = new SourceOptions();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        DownloadCache cache = DownloadCache.create(sourceOptions.settings());
        List<DownloadCache.CachedFile> files = cache.entries().stream()
                .sorted(Comparator.comparing(f -> f.uri().toString()))
                .toList();
        long total = 0;
        for (DownloadCache.CachedFile f : files) {
            out.println(String.format(
                    Locale.ROOT, "%10s  %s  %s", Cli.size(f.size()), f.sha256().hex(), f.uri()));
            total += f.size();
        }
        out.println(files.size() + (files.size() == 1 ? " file, " : " files, ") + Cli.size(total) + " in "
                + cache.settings().cacheDir());
        out.flush();
        return ExitCodes.OK;
    }
}
