package org.tandem.platform.usecase;

/**
 * One structured reason a person may give for a rejection, a regeneration, an edit or a return, chosen
 * beside the free text so that corrections can be counted and learnt from (the quality loop).
 *
 * @param code a stable identifier stored with the decision, e.g. {@code factual-error}
 */
public record ReviewReason(String code, String fr, String en) {}
