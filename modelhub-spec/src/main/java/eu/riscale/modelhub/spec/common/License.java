package eu.riscale.modelhub.spec.common;

import eu.riscale.modelhub.spec.constraint.CurrentSpdxLicense;
import eu.riscale.modelhub.spec.constraint.SpdxLicense;
import eu.riscale.modelhub.spec.constraint.WarningLevel;
import java.util.Objects;

/**
 * The license of a resource: an SPDX license id or, since format 0.5.11, a custom license file ({@link FileDescr}).
 *
 * <pre>{@code
 * License.of("MIT");                          // license: MIT
 * FileDescr.of("LICENSE.txt");                // license: {source: LICENSE.txt}
 * }</pre>
 */
public sealed interface License permits License.SpdxId, FileDescr {
    /**
     * A license given by its SPDX id.
     *
     * @param spdxId the SPDX license id, such as {@code MIT}
     * @return the license
     */
    static License of(String spdxId) {
        return new SpdxId(spdxId);
    }

    /**
     * An SPDX license id, written as a plain string.
     *
     * @param id the id, such as {@code CC-BY-4.0}; deprecated ids are a warning
     */
    record SpdxId(
            @SpdxLicense @CurrentSpdxLicense(payload = WarningLevel.Warning.class)
            String id) implements License {
        /**
         * Checks that the id is present.
         *
         * @param id the id
         * @throws NullPointerException if {@code id} is {@code null}
         */
        public SpdxId {
            Objects.requireNonNull(id, "id");
        }
    }
}
