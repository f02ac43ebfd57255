package eu.riscale.modelhub.core.resource;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Chooses the description file among the top-level file names of a folder or zip package.
 *
 * <p>{@code rdf.yaml} or {@code bioimageio.yaml} wins when exactly one of them is present (other
 * {@code *.bioimageio.yaml} files next to it are variants, as in the spec's example folders); with neither, exactly one
 * {@code *.bioimageio.yaml} or {@code *.rdf.yaml} must be present. Anything else is an error listing what was found.
 */
final class DescriptionFiles {
    private DescriptionFiles() {}

    static byte[] read(FileSource description, long limit) throws IOException {
        if (!(description instanceof RemoteFile)) {
            long size = description.size(); // a zip entry's declared size; reading below still counts
            if (size > limit) {
                throw new DescriptionTooLargeException(description.location(), limit, size);
            }
        }
        try (InputStream in = description.open()) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, limit + 1));
            if (bytes.length > limit) {
                throw new DescriptionTooLargeException(description.location(), limit, -1);
            }
            return bytes;
        }
    }

    static String choose(Collection<String> topLevelNames, String where) throws DescriptionNotFoundException {
        List<String> exact = new ArrayList<>();
        List<String> suffixed = new ArrayList<>();
        for (String name : topLevelNames) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.equals("rdf.yaml") || lower.equals("bioimageio.yaml")) {
                exact.add(name);
            } else if (lower.endsWith(".bioimageio.yaml") || lower.endsWith(".rdf.yaml")) {
                suffixed.add(name);
            }
        }
        exact.sort(null);
        suffixed.sort(null);
        if (exact.size() == 1) {
            return exact.get(0);
        }
        if (exact.size() > 1) {
            throw new DescriptionNotFoundException(
                    where + " has more than one description file: " + exact + "; expected exactly one", exact);
        }
        if (suffixed.size() == 1) {
            return suffixed.get(0);
        }
        if (suffixed.size() > 1) {
            throw new DescriptionNotFoundException(
                    where + " has several description files " + suffixed
                            + " and no rdf.yaml or bioimageio.yaml to choose; open one of them directly",
                    suffixed);
        }
        List<String> found = new ArrayList<>(topLevelNames);
        found.sort(null);
        String listing =
                found.size() > 20 ? found.subList(0, 20) + " and " + (found.size() - 20) + " more" : found.toString();
        throw new DescriptionNotFoundException(
                where + " has no description file (rdf.yaml, bioimageio.yaml or *.bioimageio.yaml); found " + listing,
                List.of());
    }
}
