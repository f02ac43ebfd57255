package eu.riscale.modelhub.spark;

import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.apache.spark.SparkFiles;
import org.apache.spark.sql.SparkSession;

/**
 * Where executors find a model package: a path every executor can read (shared storage), or a zip shipped with the
 * application through {@code SparkContext.addFile} and found on each executor with {@link SparkFiles#get}. Either
 * way each executor JVM opens the package once (see {@link SparkPredictor}); nothing is downloaded per task.
 *
 * <pre>{@code
 * ModelPackage shared = ModelPackage.shared("/mnt/models/nuclei.zip");                // NFS, Lustre, a mounted bucket
 * ModelPackage shipped = ModelPackage.distributed(spark, Path.of("nuclei.zip"));      // or spark-submit --files
 * }</pre>
 */
public sealed interface ModelPackage extends Serializable permits ModelPackage.Shared, ModelPackage.Distributed {
    /**
     * A package on storage that every executor reads at the same path.
     *
     * @param path a zip or a folder holding {@code rdf.yaml} or {@code bioimageio.yaml}, or the description file
     * @return the package
     * @throws IllegalArgumentException when the path is empty
     */
    static ModelPackage shared(String path) {
        return new Shared(path);
    }

    /**
     * Ships a zipped package to every executor with {@code SparkContext.addFile}.
     *
     * @param spark the session whose executors get the file
     * @param zip the package zip on the driver's file system ({@code modelhub package} writes one from a folder)
     * @return the package, found on executors by its file name
     * @throws IllegalArgumentException when {@code zip} is not a regular file ({@code addFile} ships no folders on a
     *     cluster)
     */
    static ModelPackage distributed(SparkSession spark, Path zip) {
        Objects.requireNonNull(spark, "spark");
        Path abs = zip.toAbsolutePath().normalize();
        if (!Files.isRegularFile(abs)) {
            throw new IllegalArgumentException("zip: found " + abs + ", expected a package zip file (Spark ships files,"
                    + " not folders, to executors; pack a folder with `modelhub package` or use ModelPackage.shared)");
        }
        spark.sparkContext().addFile(abs.toString());
        return new Distributed(abs.getFileName().toString());
    }

    /**
     * A file that was added to the application by name ({@code spark-submit --files nuclei.zip}, or {@code
     * SparkContext.addFile} already called).
     *
     * @param fileName the file's name, without folders
     * @return the package
     * @throws IllegalArgumentException when the name is empty or holds a folder
     */
    static ModelPackage added(String fileName) {
        return new Distributed(fileName);
    }

    /**
     * Resolves the package on this JVM (driver or executor).
     *
     * @return the local path to open
     */
    Path localPath();

    /**
     * A package at one path on storage that all executors mount.
     *
     * @param path the path
     */
    record Shared(String path) implements ModelPackage {
        private static final long serialVersionUID = 1L;

        /** Checks the path. */
        public Shared {
            Objects.requireNonNull(path, "path");
            if (path.isBlank()) {
                throw new IllegalArgumentException("path: found an empty path, expected a package zip or folder");
            }
        }

        @Override
        public Path localPath() {
            return Path.of(path.startsWith("file:") ? java.net.URI.create(path).getPath() : path);
        }
    }

    /**
     * A file shipped with the application, found through {@link SparkFiles#get}.
     *
     * @param fileName the file's name
     */
    record Distributed(String fileName) implements ModelPackage {
        private static final long serialVersionUID = 1L;

        /** Checks the name. */
        public Distributed {
            Objects.requireNonNull(fileName, "fileName");
            if (fileName.isBlank() || fileName.contains("/") || fileName.contains("\\")) {
                throw new IllegalArgumentException(
                        "fileName: found '" + fileName + "', expected the name of a file added to the application");
            }
        }

        @Override
        public Path localPath() {
            return Path.of(SparkFiles.get(fileName));
        }
    }
}
