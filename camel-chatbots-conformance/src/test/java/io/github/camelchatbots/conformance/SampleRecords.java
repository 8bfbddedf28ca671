package io.github.camelchatbots.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * The public records a jar holds, found by reading the jar (so that a record added tomorrow is checked tomorrow), and
 * an instance of each with every component filled in.
 */
final class SampleRecords {

    static final Instant SAMPLE_INSTANT = Instant.parse("2024-08-12T09:15:03.158Z");

    private SampleRecords() {
    }

    /** The public records in the jar or class directory that holds {@code anchor}, under {@code packagePrefix}. */
    static List<Class<?>> publicRecordsBeside(Class<?> anchor, String packagePrefix) {
        Path location;
        try {
            location = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        TreeSet<String> classNames = new TreeSet<>();
        try {
            if (Files.isDirectory(location)) {
                try (Stream<Path> files = Files.walk(location)) {
                    files.filter(file -> file.toString().endsWith(".class"))
                            .forEach(file -> classNames.add(className(location.relativize(file).toString())));
                }
            } else {
                try (JarFile jar = new JarFile(location.toFile())) {
                    for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements();) {
                        String name = entries.nextElement().getName();
                        if (name.endsWith(".class")) {
                            classNames.add(className(name));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Class<?>> records = new ArrayList<>();
        for (String name : classNames) {
            if (!name.startsWith(packagePrefix) || name.endsWith("module-info")) {
                continue;
            }
            try {
                Class<?> type = Class.forName(name, false, anchor.getClassLoader());
                if (type.isRecord() && isPublicAllTheWayOut(type)) {
                    records.add(type);
                }
            } catch (ClassNotFoundException | LinkageError e) {
                throw new IllegalStateException("cannot load " + name, e);
            }
        }
        return records;
    }

    private static String className(String path) {
        return path.substring(0, path.length() - ".class".length()).replace('/', '.').replace('\\', '.');
    }

    private static boolean isPublicAllTheWayOut(Class<?> type) {
        for (Class<?> level = type; level != null; level = level.getEnclosingClass()) {
            if (!Modifier.isPublic(level.getModifiers())) {
                return false;
            }
        }
        return true;
    }

    /** An instance with every component set to a value of its type, nested records included. */
    static Object populated(Class<?> type) {
        return value(type, type, 0);
    }

    private static Object value(Type generic, Class<?> raw, int depth) {
        if (raw == String.class) {
            return "text";
        }
        if (raw == int.class || raw == Integer.class) {
            return 7;
        }
        if (raw == long.class || raw == Long.class) {
            return 7L;
        }
        if (raw == double.class || raw == Double.class) {
            return 0.75;
        }
        if (raw == BigDecimal.class) {
            return new BigDecimal("7.25");
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return true;
        }
        if (raw == Instant.class) {
            return SAMPLE_INSTANT;
        }
        if (raw == Object.class) {
            return "value";
        }
        if (JsonNode.class.isAssignableFrom(raw)) {
            return JsonNodeFactory.instance.objectNode().put("field", "value");
        }
        if (raw.isEnum()) {
            return raw.getEnumConstants()[0];
        }
        if (List.class.isAssignableFrom(raw)) {
            Type element = argument(generic, 0);
            return depth > 3 ? List.of() : List.of(value(element, rawOf(element), depth + 1));
        }
        if (Map.class.isAssignableFrom(raw)) {
            Type valueType = argument(generic, 1);
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("key", value(valueType, rawOf(valueType), depth + 1));
            return map;
        }
        if (raw.isRecord()) {
            RecordComponent[] components = raw.getRecordComponents();
            Object[] values = new Object[components.length];
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                values[i] = depth > 3 && !types[i].isPrimitive() ? null
                        : value(components[i].getGenericType(), types[i], depth + 1);
            }
            try {
                return raw.getDeclaredConstructor(types).newInstance(values);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot build " + raw.getName(), e);
            }
        }
        throw new IllegalStateException("no sample value for " + generic.getTypeName()
                                         + "; teach SampleRecords the type");
    }

    private static Type argument(Type generic, int index) {
        return generic instanceof ParameterizedType parameterized ? parameterized.getActualTypeArguments()[index]
                : Object.class;
    }

    private static Class<?> rawOf(Type type) {
        if (type instanceof Class<?> raw) {
            return raw;
        }
        if (type instanceof ParameterizedType parameterized) {
            return (Class<?>) parameterized.getRawType();
        }
        return Object.class;
    }
}
