package org.tandem.platform.footprint;

/**
 * A quantity known only between two bounds. Closed models publish no parameter count, so every
 * figure derived from them is a range; an exact value is a range whose bounds are equal.
 */
public record Range(double min, double max) {

    public static final Range ZERO = new Range(0, 0);

    public Range {
        if (Double.isNaN(min) || Double.isNaN(max) || min > max) {
            throw new IllegalArgumentException("Invalid range [" + min + ", " + max + "]");
        }
    }

    public static Range of(double value) {
        return new Range(value, value);
    }

    public boolean isExact() {
        return min == max;
    }

    public Range times(double factor) {
        return factor >= 0 ? new Range(min * factor, max * factor) : new Range(max * factor, min * factor);
    }

    public Range plus(Range other) {
        return new Range(min + other.min, max + other.max);
    }
}
