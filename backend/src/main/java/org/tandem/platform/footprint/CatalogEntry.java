package org.tandem.platform.footprint;

import java.util.List;

/** A model Tandem may call: its parameters for the footprint, the names providers give it, its price. */
public record CatalogEntry(ModelSpec spec, List<String> aliases, Price price) {}
