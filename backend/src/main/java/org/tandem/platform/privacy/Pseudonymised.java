package org.tandem.platform.privacy;

/** A text fit to leave the JVM, and the map that puts the real values back into the answer. */
public record Pseudonymised(String text, PseudonymMap map) {}
