package org.tandem.architecture;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.tandem.TandemApplication;

/** The modules' boundaries, checked on the compiled classes: no cycle, no access to another module's internals. */
class ModulesTest {

    static final ApplicationModules MODULES = ApplicationModules.of(TandemApplication.class);

    @Test
    void modulesDependOnEachOthersApiOnlyAndWithoutCycles() {
        MODULES.verify();
    }
}
