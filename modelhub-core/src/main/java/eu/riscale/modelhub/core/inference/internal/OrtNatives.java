package eu.riscale.modelhub.core.inference.internal;

import ai.djl.util.Utils;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Stages the ONNX Runtime natives in DJL's engine cache and points ONNX Runtime's supported {@code
 * onnxruntime.native.path} property there, before the engine starts.
 *
 * <p>Without it, every JVM that starts ONNX Runtime extracts its libraries into a fresh {@code onnxruntime-java*}
 * folder of {@code java.io.tmpdir}, deletes the libraries on exit, and leaves the folder behind (issue 15, 8e). With
 * the property set, ONNX Runtime loads the libraries from the given folder and its own temporary folder stays empty,
 * so it removes it right away. The staged files are named by the SHA-256 of the classpath's libraries and checked
 * against them on every start (a changed or truncated file in a shared cache is replaced, never loaded). A property
 * set by the user is left alone; any failure leaves ONNX Runtime to its own extraction.
 */
final class OrtNatives {
    /** ONNX Runtime's property for a folder holding its native libraries. */
    static final String PROPERTY = "onnxruntime.native.path";

    private static boolean staged;

    private OrtNatives() {}

    /** Stages the natives once per JVM and sets {@link #PROPERTY}, unless it is set already. */
    static synchronized void stage() {
        if (staged || System.getProperty(PROPERTY) != null) {
            return;
        }
        staged = true;
        try {
            Path dir = stage(Utils.getEngineCacheDir("onnxruntime"), OrtNatives.class.getClassLoader());
            if (dir != null) {
                System.setProperty(PROPERTY, dir.toString());
            }
        } catch (IOException | RuntimeException e) {
            // ONNX Runtime extracts its libraries itself, as without this class
        }
    }

    /**
     * Copies the natives of this platform from the classpath into a folder under {@code cacheRoot}.
     *
     * @param cacheRoot the engine cache folder
     * @param loader the class loader holding ONNX Runtime's jar
     * @return the folder, or {@code null} when the classpath has no natives for this platform
     * @throws IOException when the folder cannot be written
     */
    static @Nullable Path stage(Path cacheRoot, ClassLoader loader) throws IOException {
        String prefix = "ai/onnxruntime/native/" + osArch() + "/";
        List<String> names = new ArrayList<>();
        for (String lib : List.of("onnxruntime", "onnxruntime4j_jni", "onnxruntime_providers_shared")) {
            String name = System.mapLibraryName(lib);
            if (loader.getResource(prefix + name) != null) {
                names.add(name);
            }
        }
        if (names.size() < 2) {
            return null; // no bundled onnxruntime and JNI library for this platform
        }
        List<String> hashes = new ArrayList<>();
        MessageDigest all = sha256();
        for (String name : names) {
            try (InputStream in = loader.getResourceAsStream(prefix + name)) {
                String hash = hash(in);
                hashes.add(hash);
                all.update((name + ":" + hash + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        Path dir = cacheRoot.resolve(
                "natives-" + HexFormat.of().formatHex(all.digest()).substring(0, 16));
        Files.createDirectories(dir);
        for (int i = 0; i < names.size(); i++) {
            Path target = dir.resolve(names.get(i));
            if (Files.isRegularFile(target) && hashOf(target).equals(hashes.get(i))) {
                continue;
            }
            Path tmp = Files.createTempFile(dir, names.get(i), ".part");
            try {
                try (InputStream in = loader.getResourceAsStream(prefix + names.get(i));
                        OutputStream out = Files.newOutputStream(tmp)) {
                    in.transferTo(out);
                }
                if (!hashOf(tmp).equals(hashes.get(i))) {
                    throw new IOException("staged " + names.get(i) + " does not match the classpath's library");
                }
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
        return dir;
    }

    /** ONNX Runtime's name of this platform's native folder, such as {@code linux-x64}. */
    static String osArch() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String o = os.contains("mac") ? "osx" : os.contains("win") ? "win" : os.contains("linux") ? "linux" : os;
        String a = arch.equals("amd64") || arch.equals("x86_64") ? "x64" : arch;
        return o + "-" + a;
    }

    private static String hashOf(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return hash(in);
        }
    }

    private static String hash(InputStream in) throws IOException {
        MessageDigest md = sha256();
        try (DigestInputStream d = new DigestInputStream(in, md)) {
            d.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError("every JVM has SHA-256", e);
        }
    }
}
