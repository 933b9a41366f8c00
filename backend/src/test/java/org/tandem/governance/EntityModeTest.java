package org.tandem.governance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which modes send a request to hand-drafting: the control group, a paused wave and a pulled kill switch. */
class EntityModeTest {

    @Test
    void theAiDraftsOnlyInAiMode() {
        assertThat(EntityMode.AI.skipsAi()).isFalse();
        assertThat(EntityMode.CONTROL.skipsAi()).isTrue();
        assertThat(EntityMode.PAUSED.skipsAi()).isTrue();
        assertThat(EntityMode.KILLED.skipsAi()).isTrue();
    }

    @Test
    void aRequestNotEnabledIsRefusedRatherThanHandDrafted() {
        assertThat(EntityMode.NOT_ENABLED.skipsAi()).isFalse();
    }
}
