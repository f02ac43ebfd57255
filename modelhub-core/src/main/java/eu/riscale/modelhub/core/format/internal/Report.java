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

    // the 0.4 checks and converter still build their locations as dotted text; they become typed locations here
    void note(String location, String message) {
        notes.add(Diagnostic.of(Severity.INFO, Location.parse(location), message));
    }

    void error(String location, String message) {
        problems.add(Diagnostic.error(Location.parse(location), message));
    }

    void warning(String location, String message) {
        problems.add(Diagnostic.warning(Location.parse(location), message));
    }

    /** {@return the dotted location of {@code key} below {@code base}} */
    static String at(String base, String key) {
        return base.isEmpty() ? key : base + "." + key;
    }

    /** {@return the dotted location of list index {@code index} below {@code base}} */
    static String at(String base, int index) {
        return at(base, Integer.toString(index));
    }
}
