package org.tandem.governance.transparency;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The country of the data centres of an OpenAI-compatible endpoint ({@code tandem.ai.hosting-country}):
 * its base URL says nothing reliable about it, so whoever configures it declares it for the public page.
 */
@ConfigurationProperties("tandem.ai")
public record HostingDeclaration(String hostingCountry) {}
