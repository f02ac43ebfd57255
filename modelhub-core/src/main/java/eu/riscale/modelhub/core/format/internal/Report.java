package eu.riscale.modelhub.core.format.internal;

import eu.riscale.modelhub.core.format.ConversionNote;
import eu.riscale.modelhub.core.format.LegacyProblem;
import java.util.ArrayList;
import java.util.List;

/** Collects notes and problems while a document is checked and converted; one instance per document. */
final class Report {
    final List<ConversionNote> notes = new ArrayList<>();
    final List<LegacyProblem> problems = new ArrayList<>();

    void note(String location, String message) {
        notes.add(new ConversionNote(location, message));
    }

    void error(String location, String message) {
        problems.add(new LegacyProblem(LegacyProblem.Severity.ERROR, location, message));
    }

    void warning(String location, String message) {
        problems.add(new LegacyProblem(LegacyProblem.Severity.WARNING, location, message));
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
