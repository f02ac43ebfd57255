package eu.riscale.modelhub.cli;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Expands what {@code predict} is given for one input into files: a file, a folder (its {@code .npy}, {@code .tif},
 * {@code .tiff} and {@code .png} files, not recursing), a glob ({@code data/*.tif}, {@code data/**}{@code /*.tif}), or
 * {@code @list.txt} (one path per line, relative to the list's folder; blank lines and {@code #} comments skipped).
 * Results are sorted by path so that runs are repeatable.
 */
final class InputFiles {
    /** The file endings {@code predict} reads. */
    static final List<String> EXTENSIONS = List.of(".npy", ".tif", ".tiff", ".png");

    private InputFiles() {}

    /** {@return whether the spec names one file: not a list, a folder or a glob} */
    static boolean isSingleFile(String spec) {
        return !spec.startsWith("@") && !isGlob(spec) && !Files.isDirectory(Path.of(spec));
    }

    private static boolean isGlob(String spec) {
        return spec.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '{');
    }

    /**
     * Expands a spec.
     *
     * @return the files, sorted; never empty
     * @throws IOException naming the spec when it matches no file or a list names a missing file
     */
    static List<Path> expand(String spec) throws IOException {
        List<Path> files;
        if (spec.startsWith("@")) {
            files = list(Path.of(spec.substring(1)));
        } else if (isGlob(spec)) {
            files = glob(spec);
        } else {
            Path p = Path.of(spec);
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.list(p)) {
                    files = s.filter(f -> Files.isRegularFile(f) && readable(f))
                            .sorted(Comparator.comparing(Path::toString))
                            .toList();
                }
                if (files.isEmpty()) {
                    throw new IOException("folder " + spec + " has no " + String.join(", ", EXTENSIONS) + " files");
                }
                return files;
            }
            if (!Files.isRegularFile(p)) {
                throw new NoSuchFileException(spec, null, "no such file, folder or glob match");
            }
            return List.of(p);
        }
        if (files.isEmpty()) {
            throw new IOException(spec + " matches no file");
        }
        return files;
    }

    /** {@return whether the file has an ending that predict reads} */
    static boolean readable(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return EXTENSIONS.stream().anyMatch(name::endsWith);
    }

    /**
     * {@return the sample id of a file: its name without the ending ({@code .ome.tif} counts as one ending)}
     */
    static String sampleId(Path file) {
        String name = file.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        for (String ext : List.of(".ome.tif", ".ome.tiff", ".npy", ".tif", ".tiff", ".png")) {
            if (lower.endsWith(ext) && lower.length() > ext.length()) {
                return name.substring(0, name.length() - ext.length());
            }
        }
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static List<Path> list(Path listFile) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(listFile);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(listFile.toString(), null, "no such list file");
        }
        Path base = listFile.toAbsolutePath().getParent();
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Path f = base.resolve(line);
            if (!Files.isRegularFile(f)) {
                throw new NoSuchFileException(
                        listFile + ":" + (i + 1), null, "no such file " + f + " (paths are relative to the list file)");
            }
            files.add(f);
        }
        return files;
    }

    private static List<Path> glob(String spec) throws IOException {
        String[] parts = spec.replace('\\', '/').split("/", -1);
        int first = 0;
        while (first < parts.length && !isGlob(parts[first])) {
            first++;
        }
        String baseText = String.join("/", java.util.Arrays.copyOfRange(parts, 0, first));
        Path base = baseText.isEmpty() ? Path.of(spec.startsWith("/") ? "/" : ".") : Path.of(baseText);
        String rest = String.join("/", java.util.Arrays.copyOfRange(parts, first, parts.length));
        if (!Files.isDirectory(base)) {
            throw new NoSuchFileException(spec, null, "folder " + base + " of the glob does not exist");
        }
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + rest);
        int depth = rest.contains("**") ? Integer.MAX_VALUE : parts.length - first;
        try (Stream<Path> s = Files.walk(base, depth)) {
            return s.filter(f -> Files.isRegularFile(f) && matcher.matches(base.relativize(f)))
                    .map(f -> baseText.isEmpty() && !spec.startsWith("/") ? base.relativize(f) : f)
                    .sorted(Comparator.comparing(Path::toString))
                    .toList();
        }
    }
}
