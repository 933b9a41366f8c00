package org.tandem.platform.database;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.BeanUtils;
import org.springframework.core.MethodParameter;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.support.DefaultConversionService;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.JdbcUtils;

/**
 * Maps a row to a record as {@code JdbcClient.query(SomeRecord.class)} does, for a fraction of its CPU (issue 18:
 * Spring's mapper took 5 % of the application's CPU under P1). Spring's looks each component's column up by the
 * component's name first, so every camelCase component cost a thrown {@link SQLException} per row before its
 * snake_case name was tried, and it converted every value, even one already of the component's type. Here the
 * columns are resolved once per result set (the same rule: the component's name, else its snake_case name, case
 * ignored) and only values not already of the component's type go through Spring's shared conversion service.
 * Use {@code jdbc.sql(...).query(Rows.of(SomeRecord.class))}.
 */
public final class Rows<T> implements RowMapper<T> {

    private static final ClassValue<Rows<?>> MAPPERS = new ClassValue<>() {
        @Override
        protected Rows<?> computeValue(Class<?> type) {
            return new Rows<>(type);
        }
    };

    private final Constructor<T> constructor;
    private final String[] names;
    private final String[] underscored;
    private final TypeDescriptor[] types;
    private final Class<?>[] valueTypes;
    private final boolean[] takenAsIs;
    private final ConversionService conversion = DefaultConversionService.getSharedInstance();
    private volatile Columns last;

    /** The mapper of this record type, made once. */
    @SuppressWarnings("unchecked")
    public static <T> RowMapper<T> of(Class<T> type) {
        return (RowMapper<T>) MAPPERS.get(type);
    }

    private Rows(Class<T> type) {
        if (!type.isRecord()) {
            throw new IllegalArgumentException(type + " is not a record: map it with JdbcClient.query(Class)");
        }
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] parameterTypes = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            parameterTypes[i] = components[i].getType();
        }
        try {
            constructor = type.getDeclaredConstructor(parameterTypes);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("A record without its canonical constructor: " + type, e);
        }
        int n = components.length;
        names = new String[n];
        underscored = new String[n];
        types = new TypeDescriptor[n];
        valueTypes = new Class<?>[n];
        takenAsIs = new boolean[n];
        for (int i = 0; i < n; i++) {
            names[i] = components[i].getName().toLowerCase(Locale.ROOT);
            underscored[i] = JdbcUtils.convertPropertyNameToUnderscoreName(components[i].getName());
            types[i] = new TypeDescriptor(new MethodParameter(constructor, i));
            valueTypes[i] = types[i].getType();
            // a value of exactly this class needs no conversion; a collection, an array or a map might (their
            // elements), an Optional always does, as does null for a primitive (Spring's error kept)
            takenAsIs[i] = !types[i].isCollection()
                    && !types[i].isArray()
                    && !types[i].isMap()
                    && types[i].getObjectType() != Optional.class;
        }
    }

    @Override
    public T mapRow(ResultSet rs, int rowNum) throws SQLException {
        int[] index = columns(rs);
        Object[] args = new Object[index.length];
        for (int i = 0; i < index.length; i++) {
            Object value = JdbcUtils.getResultSetValue(rs, index[i], valueTypes[i]);
            args[i] = asIs(value, i) ? value : conversion.convert(value, types[i]);
        }
        return BeanUtils.instantiateClass(constructor, args);
    }

    private boolean asIs(Object value, int i) {
        if (!takenAsIs[i]) {
            return false;
        }
        return value == null ? !valueTypes[i].isPrimitive() : value.getClass() == types[i].getObjectType();
    }

    /** The column of each component in this result set: resolved again only when its columns differ. */
    private int[] columns(ResultSet rs) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        int count = meta.getColumnCount();
        Columns known = last;
        if (known != null && known.matches(meta, count)) {
            return known.index;
        }
        String[] labels = new String[count];
        Map<String, Integer> byLabel = new HashMap<>();
        for (int c = 1; c <= count; c++) {
            labels[c - 1] = JdbcUtils.lookupColumnName(meta, c);
            byLabel.putIfAbsent(labels[c - 1].toLowerCase(Locale.ROOT), c);
        }
        int[] index = new int[names.length];
        for (int i = 0; i < names.length; i++) {
            Integer c = byLabel.get(names[i]);
            if (c == null) {
                c = byLabel.get(underscored[i]);
            }
            if (c == null) {
                // the SQL state PostgreSQL gives an unknown column, as Spring's mapper's findColumn did
                throw new SQLException(
                        "The column name " + underscored[i] + " was not found in this ResultSet.", "42703");
            }
            index[i] = c;
        }
        last = new Columns(labels, index);
        return index;
    }

    /** A result set's column labels and where each component was found in them. */
    private record Columns(String[] labels, int[] index) {

        boolean matches(ResultSetMetaData meta, int count) throws SQLException {
            if (labels.length != count) {
                return false;
            }
            for (int c = 1; c <= count; c++) {
                if (!labels[c - 1].equals(JdbcUtils.lookupColumnName(meta, c))) {
                    return false;
                }
            }
            return true;
        }
    }
}
