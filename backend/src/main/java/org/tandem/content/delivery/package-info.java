/**
 * Disclosure that leaves the building: each use case's channel carries the approved content with its
 * label and its signed provenance record — the reply letter as a PDF (PDFBox) sent by e-mail, the meeting
 * report as an e-mail, the chatbot's answer through the member portal's API, the claim summary into the
 * case file — exactly once. A message that cannot be sent leaves the case « à envoyer »: the engine's job
 * retries, then shows an incident in Cockpit, and {@link org.tandem.content.delivery.DeliveryRecovery}
 * re-arms it as soon as the mail server answers again. Also the public verification of a content
 * ({@code /api/public/provenance}). Internal to the content module.
 */
package org.tandem.content.delivery;
