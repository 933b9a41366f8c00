package org.tandem.platform.privacy;

import java.util.List;

/** Finds one kind of identifier in a text, whoever it belongs to. */
interface Recogniser {

    List<Detection> find(String text);
}
