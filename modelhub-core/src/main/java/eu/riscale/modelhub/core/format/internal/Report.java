package eu.riscale.modelhub.core.format.internal;

import eu.riscale.modelhub.spec.validation.Diagnostic;
import eu.riscale.modelhub.spec.validation.Location;
import eu.riscale.modelhub.spec.validation.Severity;
import java.util.ArrayList;
import java.util.List;

/** Collects notes and problems while a document is checked and converted; one instance per document. */
final class Report {
    final List<Diagnostic> notes = new ArrayList<>();
    final List<Diagnostic> problems = new ArrayList<>();

    void note(Location location, String message) {
        notes.add(Diagnostic.of(Severity.INFO, location, message));
    }

    void error(Location location, String message) {
        problems.add(Diagnostic.error(location, message));
    }

    void warning(Location location, String message) {
        problems.add(Diagnostic.warning(location, message));
    }

    /** {@return the location of {@code key} below {@code base}} */
    static Location at(Location base, String key) {
        return base.key(key);
    }

    /** {@return the location of list index {@code index} below {@code base}} */
    static Location at(Location base, int index) {
        return base.index(index);
    }

    /** {@return the location of the top-level key {@code key}} */
    static Location at(String key) {
        return Location.of(key);
    }

    /** {@return the location of {@code child} below the top-level key {@code key}} */
    static Location at(String key, String child) {
        return Location.of(key, child);
    }

    /** {@return the location of list index {@code index} below the top-level key {@code key}} */
    static Location at(String key, int index) {
        return Location.of(key, index);
    }
}
