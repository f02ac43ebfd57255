package eu.riscale.modelhub.cli;

import eu.riscale.modelhub.core.resource.DownloadCache;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code modelhub cache clear}: removes every cached download; other files in the cache folder (such as the state of
 * unfinished uploads) stay. Exit 0.
 */
@Command(
        name = "clear",
        mixinStandardHelpOptions = true,
        description = "Remove every cached download (the reference's empty-cache); unfinished upload state is kept.")
final class CacheClearCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    SourceOptions sourceOptions = new SourceOptions();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        DownloadCache cache = DownloadCache.create(sourceOptions.settings());
        int count = cache.entries().size();
        long freed = cache.clear();
        out.println("removed " + count + (count == 1 ? " download (" : " downloads (") + Cli.size(freed) + ") from "
                + cache.settings().cacheDir());
        out.flush();
        return ExitCodes.OK;
    }
}
