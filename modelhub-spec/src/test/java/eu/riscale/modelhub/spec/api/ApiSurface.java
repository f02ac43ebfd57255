package eu.riscale.modelhub.spec.api;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The public API of a module as text, one line per public or protected class, constructor, method and field of its
 * packages exported to everyone, sorted; compared with a reviewed copy checked in as {@code src/api/api.txt}.
 *
 * <p>Run {@code ./mvnw -B -o verify -Dapi.accept=true} to rewrite the reviewed copies after an intended change, then
 * review and commit their diff (docs/api.md).
 */
public final class ApiSurface {
    /** The system property that rewrites the reviewed copy instead of failing. */
    public static final String ACCEPT = "api.accept";

    private ApiSurface() {}

    /** {@return the module descriptor compiled into a classes folder} */
    public static ModuleDescriptor descriptor(Path classes) throws IOException {
        try (InputStream in = Files.newInputStream(classes.resolve("module-info.class"))) {
            return ModuleDescriptor.read(in);
        }
    }

    /** {@return the packages the module exports to everyone} */
    public static Set<String> exportedToAll(ModuleDescriptor module) {
        return module.exports().stream()
                .filter(e -> !e.isQualified())
                .map(ModuleDescriptor.Exports::source)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * Lists the public surface of the exported packages of the module compiled into {@code classes}; the classes must
     * be on the class path of the caller.
     *
     * @param classes the module's classes folder, for example {@code target/classes}
     * @return the sorted lines
     */
    public static List<String> of(Path classes) throws IOException, ClassNotFoundException {
        return of(classes, exportedToAll(descriptor(classes)));
    }

    /**
     * Lists the public surface of the given packages of a classes folder without a module descriptor (a module that
     * runs on the class path, such as the Spark one).
     *
     * @param classes the classes folder, for example {@code target/classes}
     * @param exported the packages that are API
     * @return the sorted lines
     */
    public static List<String> of(Path classes, Set<String> exported) throws IOException, ClassNotFoundException {
        List<String> names;
        try (Stream<Path> files = Files.walk(classes)) {
            names = files.map(p -> classes.relativize(p).toString().replace('\\', '/'))
                    .filter(n -> n.endsWith(".class")
                            && !n.endsWith("module-info.class")
                            && !n.endsWith("package-info.class"))
                    .map(n -> n.substring(0, n.length() - ".class".length()).replace('/', '.'))
                    .filter(n -> exported.contains(n.substring(0, n.lastIndexOf('.'))))
                    .sorted()
                    .toList();
        }
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        Set<String> lines = new TreeSet<>();
        for (String name : names) {
            Class<?> c = Class.forName(name, false, loader);
            if (!visible(c)) {
                continue;
            }
            String owner = c.getName();
            lines.add(owner + " : " + declaration(c));
            for (Constructor<?> k : c.getDeclaredConstructors()) {
                if (visible(k) && !k.isSynthetic()) {
                    lines.add(owner + " : " + k.toGenericString().replace(owner + ".", ""));
                }
            }
            for (Method m : c.getDeclaredMethods()) {
                if (visible(m) && !m.isSynthetic() && !m.isBridge()) {
                    lines.add(owner + " : " + m.toGenericString().replace(owner + ".", ""));
                }
            }
            for (Field f : c.getDeclaredFields()) {
                if (visible(f) && !f.isSynthetic()) {
                    lines.add(owner + " : " + f.toGenericString().replace(owner + ".", ""));
                }
            }
        }
        return new ArrayList<>(lines);
    }

    private static boolean visible(Class<?> c) {
        if (c.isAnonymousClass() || c.isLocalClass() || c.isSynthetic()) {
            return false;
        }
        for (Class<?> k = c; k != null; k = k.getDeclaringClass()) {
            int m = k.getModifiers();
            boolean nested = k.getDeclaringClass() != null;
            if (!(Modifier.isPublic(m) || (nested && Modifier.isProtected(m)))) {
                return false;
            }
        }
        return true;
    }

    private static boolean visible(Member m) {
        int mod = m.getModifiers();
        return Modifier.isPublic(mod)
                || (Modifier.isProtected(mod)
                        && !Modifier.isFinal(m.getDeclaringClass().getModifiers()));
    }

    private static String declaration(Class<?> c) {
        StringBuilder sb = new StringBuilder();
        int mods = c.getModifiers() & (c.isInterface() ? Modifier.interfaceModifiers() : Modifier.classModifiers());
        if (c.isInterface()) {
            mods &= ~Modifier.ABSTRACT;
        }
        if (c.isEnum() || c.isRecord()) {
            mods &= ~(Modifier.FINAL | Modifier.STATIC);
        }
        String m = Modifier.toString(mods);
        if (!m.isEmpty()) {
            sb.append(m).append(' ');
        }
        if (c.isSealed()) {
            sb.append("sealed ");
        }
        sb.append(
                c.isAnnotation()
                        ? "@interface"
                        : c.isInterface() ? "interface" : c.isEnum() ? "enum" : c.isRecord() ? "record" : "class");
        sb.append(' ').append(c.getName());
        TypeVariable<?>[] params = c.getTypeParameters();
        if (params.length > 0) {
            sb.append(Arrays.stream(params).map(ApiSurface::typeParameter).collect(Collectors.joining(",", "<", ">")));
        }
        if (c.isRecord()) {
            sb.append(Arrays.stream(c.getRecordComponents())
                    .map(r -> r.getGenericType().getTypeName() + " " + r.getName())
                    .collect(Collectors.joining(", ", "(", ")")));
        }
        Type sup = c.getGenericSuperclass();
        if (sup != null && !c.isEnum() && !c.isRecord() && sup != Object.class) {
            sb.append(" extends ").append(sup.getTypeName());
        }
        Type[] interfaces = c.getGenericInterfaces();
        if (interfaces.length > 0 && !c.isAnnotation()) {
            sb.append(c.isInterface() ? " extends " : " implements ")
                    .append(Arrays.stream(interfaces).map(Type::getTypeName).collect(Collectors.joining(", ")));
        }
        if (c.isSealed()) {
            sb.append(" permits ")
                    .append(Arrays.stream(c.getPermittedSubclasses())
                            .map(Class::getName)
                            .sorted()
                            .collect(Collectors.joining(", ")));
        }
        return sb.toString();
    }

    private static String typeParameter(TypeVariable<?> v) {
        Type[] bounds = v.getBounds();
        if (bounds.length == 1 && bounds[0] == Object.class) {
            return v.getName();
        }
        return v.getName() + " extends "
                + Arrays.stream(bounds).map(Type::getTypeName).collect(Collectors.joining(" & "));
    }

    /**
     * Compares the surface with the reviewed copy; with {@code -Dapi.accept=true} rewrites the copy instead.
     *
     * @param module the module's name, for messages
     * @param actual the current surface
     * @param reviewed the checked-in copy
     * @throws AssertionError when they differ, with the lines removed and added and how to accept the change
     */
    public static void check(String module, List<String> actual, Path reviewed) throws IOException {
        String text = String.join("\n", actual) + "\n";
        if (Boolean.getBoolean(ACCEPT)) {
            Files.createDirectories(reviewed.toAbsolutePath().getParent());
            Files.writeString(reviewed, text, StandardCharsets.UTF_8);
            return;
        }
        List<String> expected = Files.exists(reviewed)
                ? Files.readAllLines(reviewed, StandardCharsets.UTF_8).stream()
                        .filter(l -> !l.isBlank())
                        .toList()
                : List.of();
        Set<String> removed = new LinkedHashSet<>(expected);
        actual.forEach(removed::remove);
        Set<String> added = new LinkedHashSet<>(actual);
        expected.forEach(added::remove);
        if (removed.isEmpty() && added.isEmpty()) {
            return;
        }
        StringBuilder sb = new StringBuilder("the public API of module ")
                .append(module)
                .append(" differs from the reviewed copy ")
                .append(reviewed)
                .append(" (")
                .append(removed.size())
                .append(" removed, ")
                .append(added.size())
                .append(" added):\n");
        removed.forEach(l -> sb.append("- ").append(l).append('\n'));
        added.forEach(l -> sb.append("+ ").append(l).append('\n'));
        sb.append("A removed or changed line breaks code that uses it. If the change is intended, accept it with\n"
                        + "  ./mvnw -B -o verify -Dapi.accept=true\n"
                        + "which rewrites ")
                .append(reviewed)
                .append("; review its diff and commit it with the change (docs/api.md).");
        throw new AssertionError(sb.toString());
    }
}
