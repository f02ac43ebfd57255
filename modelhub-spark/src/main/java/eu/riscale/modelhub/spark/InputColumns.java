package eu.riscale.modelhub.spark;

import eu.riscale.modelhub.spec.ModelDescr;
import eu.riscale.modelhub.spec.tensor.InputTensorDescr;
import java.io.Serializable;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.jspecify.annotations.Nullable;

/**
 * Which columns of a samples Dataset hold what, decided once on the driver from the schema and the description.
 *
 * @param sampleId the {@code sample_id} column, or null to take the file name (without extension) of {@code path}
 * @param pathForId the column whose file name gives the sample id when {@code sampleId} is null
 * @param inputs the column of each input id that is present
 * @param binary for each input id, whether its column holds file bytes (else a path)
 */
record InputColumns(
        @Nullable String sampleId, @Nullable String pathForId, Map<String, String> inputs, Map<String, Boolean> binary)
        implements Serializable {
    private static final long serialVersionUID = 1L;
    static final String SAMPLE_ID = "sample_id";
    static final String PATH = "path";
    static final String CONTENT = "content";

    InputColumns {
        inputs = Map.copyOf(inputs);
        binary = Map.copyOf(binary);
    }

    /**
     * Plans the columns: a column named after each input id (string: a path; binary: the file's bytes), or for a
     * model with one input the column {@code content} (binary, as Spark's {@code binaryFile} source gives) or {@code
     * path}; the sample id from {@code sample_id} or else the file name in {@code path}.
     *
     * @throws IllegalArgumentException naming the column and what was expected
     */
    static InputColumns plan(StructType schema, ModelDescr model) {
        Map<String, String> inputs = new LinkedHashMap<>();
        Map<String, Boolean> binary = new LinkedHashMap<>();
        boolean single = model.inputs().size() == 1;
        for (InputTensorDescr d : model.inputs()) {
            String column = null;
            if (has(schema, d.id())) {
                column = d.id();
            } else if (single && has(schema, CONTENT)) {
                column = CONTENT;
            } else if (single && has(schema, PATH)) {
                column = PATH;
            }
            if (column == null) {
                if (d.optional()) {
                    continue;
                }
                throw new IllegalArgumentException("samples: no column for input '" + d.id() + "'; expected a column "
                        + "'" + d.id() + "' (a path, or the file's bytes)"
                        + (single ? ", 'content' (bytes) or 'path'" : "") + "; found columns "
                        + Arrays.toString(schema.fieldNames()));
            }
            DataType type = schema.apply(column).dataType();
            if (!type.equals(DataTypes.StringType) && !type.equals(DataTypes.BinaryType)) {
                throw new IllegalArgumentException("samples: column '" + column + "' of input '" + d.id() + "': found "
                        + type.simpleString() + ", expected string (a path) or binary (the file's bytes)");
            }
            inputs.put(d.id(), column);
            binary.put(d.id(), type.equals(DataTypes.BinaryType));
        }
        if (has(schema, SAMPLE_ID)) {
            DataType type = schema.apply(SAMPLE_ID).dataType();
            if (!type.equals(DataTypes.StringType)) {
                throw new IllegalArgumentException(
                        "samples: column 'sample_id': found " + type.simpleString() + ", expected string");
            }
            return new InputColumns(SAMPLE_ID, null, inputs, binary);
        }
        if (has(schema, PATH) && schema.apply(PATH).dataType().equals(DataTypes.StringType)) {
            return new InputColumns(null, PATH, inputs, binary);
        }
        throw new IllegalArgumentException("samples: no column 'sample_id' (string) and no column 'path' to take the"
                + " sample id from; found columns " + Arrays.toString(schema.fieldNames()));
    }

    private static boolean has(StructType schema, String name) {
        for (StructField f : schema.fields()) {
            if (f.name().equals(name)) {
                return true;
            }
        }
        return false;
    }
}
