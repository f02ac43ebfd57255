package eu.riscale.modelhub.core.resource;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes a file so that it is never seen half written: the content goes to a temporary file in the target's folder,
 * which is then moved over the target. On failure the target is left as it was and the temporary file is removed.
 *
 * <p>On POSIX file systems the written file gets mode {@code rw-r--r--} like a file created the ordinary way, not the
 * owner-only mode of a temporary file.
 */
public final class AtomicFiles {
    /** How long a temporary file must be unchanged before a later write of its target removes it. */
    private static final long STALE_MILLIS = 60L * 60L * 1000L;

    private AtomicFiles() {}

    /** Writes the content of a file to a stream. */
    @FunctionalInterface
    public interface Content {
        /**
         * Writes the content.
         *
         * @param out the stream to the temporary file; closed by the caller
         * @throws IOException when writing fails
         */
        void writeTo(OutputStream out) throws IOException;
    }

    /** Writes the content of a file through its channel, for example with positional writes from several threads. */
    @FunctionalInterface
    public interface ChannelContent {
        /**
         * Writes the content.
         *
         * @param channel the channel of the temporary file, open for writing; closed by the caller
         * @throws IOException when writing fails
         */
        void writeTo(FileChannel channel) throws IOException;
    }

    /**
     * Writes a file atomically, creating its folder when needed.
     *
     * @param target the file to write or replace
     * @param content writes the bytes
     * @throws IOException when writing or moving fails; the target is then unchanged
     */
    public static void write(Path target, Content content) throws IOException {
        writeVia(target, tmp -> {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                content.writeTo(out);
            }
        });
    }

    /**
     * Writes a file atomically through a file channel, creating its folder when needed.
     *
     * @param target the file to write or replace
     * @param content writes the bytes
     * @throws IOException when writing or moving fails; the target is then unchanged
     */
    public static void writeChannel(Path target, ChannelContent content) throws IOException {
        writeVia(target, tmp -> {
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                content.writeTo(channel);
            }
        });
    }

    /** Fills the temporary file. */
    private interface Fill {
        void into(Path tmp) throws IOException;
    }

    private static void writeVia(Path target, Fill fill) throws IOException {
        Path abs = target.toAbsolutePath();
        Path tmp = temporarySibling(abs);
        try {
            fill.into(tmp);
            if (Files.getFileAttributeView(tmp, PosixFileAttributeView.class) != null) {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
            }
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (FileSystemException e) {
            throw cannotWrite(abs, e);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Creates the temporary file for writing {@code target}: an empty file {@code .<name>.<random>.tmp} next to it, so
     * that it can be moved over the target atomically. Leftovers of earlier writes of the same target that have not
     * changed for an hour (a process killed while writing) are removed first. A folder that cannot be written is
     * reported naming the target, not the temporary file.
     *
     * @param target the file that will be written
     * @return the new temporary file; the caller moves it over the target or deletes it
     * @throws IOException when the folder cannot be created or written, naming the target
     */
    public static Path temporarySibling(Path target) throws IOException {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        String prefix = "." + abs.getFileName() + ".";
        try {
            Files.createDirectories(dir);
            removeStale(dir, prefix);
            return Files.createTempFile(dir, prefix, ".tmp");
        } catch (FileSystemException e) {
            throw cannotWrite(abs, e);
        }
    }

    private static void removeStale(Path dir, String prefix) {
        long now = System.currentTimeMillis();
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(dir, p -> {
            String n = p.getFileName().toString();
            // also the inner temporary file of a write into such a temporary file (the packager's zip)
            return (n.startsWith(prefix) || n.startsWith("." + prefix)) && n.endsWith(".tmp");
        })) {
            for (Path p : leftovers) {
                if (now - Files.getLastModifiedTime(p).toMillis() > STALE_MILLIS) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException e) {
            // an unreadable folder fails the write itself, with its own message
        }
    }

    private static IOException cannotWrite(Path target, IOException e) {
        String why = e instanceof AccessDeniedException ? "permission denied" : e.getMessage();
        return new IOException("cannot write " + target + ": " + why + " (in folder " + target.getParent() + ")", e);
    }
}
