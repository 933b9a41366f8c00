package org.tandem.platform.ai;

/**
 * The name the offline drafter answers under (no model runs: a template is filled in the JVM), so
 * that the footprint, the costs and the labels recognise its calls without knowing the drafter.
 */
public final class OfflineModel {

    public static final String NAME = "offline-drafter";

    private OfflineModel() {}
}
