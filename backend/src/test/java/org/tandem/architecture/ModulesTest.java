package org.tandem.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.NamedInterface;
import org.springframework.modulith.docs.Documenter;
import org.tandem.TandemApplication;

/**
 * The modules' boundaries, checked on the compiled classes (no cycle, no access to another module's
 * internals), and the module map of docs/architecture/modules.md, generated from them so it cannot go stale.
 */
class ModulesTest {

    static final ApplicationModules MODULES = ApplicationModules.of(TandemApplication.class);
    static final Path MAP =
            Path.of(System.getenv().getOrDefault("REPO_DIR", "..")).resolve("docs/architecture/modules.md");

    @Test
    void modulesDependOnEachOthersApiOnlyAndWithoutCycles() {
        MODULES.verify();
    }

    @Test
    void theModuleMapInTheRepoIsTheOneOfTheCode() throws IOException {
        String generated = map();
        String before = Files.exists(MAP) ? Files.readString(MAP, StandardCharsets.UTF_8) : "";
        if (!before.equals(generated)) {
            Files.createDirectories(MAP.getParent());
            Files.writeString(MAP, generated, StandardCharsets.UTF_8);
        }
        // Modulith's own documentation (PlantUML diagrams, module canvases) for whoever wants more detail
        new Documenter(MODULES).writeDocumentation();
        assertThat(before.equals(generated))
                .as("docs/architecture/modules.md was out of date with the modules: it has been rewritten; commit it")
                .isTrue();
    }

    static String map() {
        List<ApplicationModule> modules = MODULES.stream()
                .sorted(Comparator.comparing(ApplicationModule::getName))
                .toList();
        StringBuilder out = new StringBuilder();
        out.append("# Tandem's modules\n\n")
                .append("<!-- Generated from the compiled classes by backend/src/test/java/org/tandem/architecture/")
                .append("ModulesTest.java: do not edit. `mvn -pl backend test -Dtest=ModulesTest` rewrites it. -->\n\n")
                .append("Each module is a package under `org.tandem`. Its top package (and the sub-packages listed as ")
                .append("named interfaces) is what other modules may use; everything else is internal. An arrow reads ")
                .append("\"uses\". The build fails on a cycle or on a use of another module's internals.\n\n")
                .append("```mermaid\nflowchart TD\n");
        for (ApplicationModule module : modules) {
            out.append("  ")
                    .append(module.getName())
                    .append("[")
                    .append(module.getDisplayName())
                    .append("]\n");
        }
        for (ApplicationModule module : modules) {
            dependencies(module)
                    .forEach(target -> out.append("  ")
                            .append(module.getName())
                            .append(" --> ")
                            .append(target)
                            .append("\n"));
        }
        out.append("```\n\n")
                .append("| module | package | API beyond the top package | uses | Spring beans | types: API / all |\n")
                .append("|---|---|---|---|---|---|\n");
        for (ApplicationModule module : modules) {
            String named = module.getNamedInterfaces().stream()
                    .filter(NamedInterface::isNamed)
                    .map(NamedInterface::getName)
                    .sorted()
                    .collect(Collectors.joining(", "));
            List<com.tngtech.archunit.core.domain.JavaClass> types = module.getBasePackage().stream()
                    .filter(type -> !type.getSimpleName().equals("package-info") && type.isTopLevelClass())
                    .toList();
            long api = types.stream()
                    .filter(type -> type.getModifiers().contains(com.tngtech.archunit.core.domain.JavaModifier.PUBLIC))
                    .filter(module::isExposed)
                    .count();
            out.append("| ")
                    .append(module.getDisplayName())
                    .append(" | `")
                    .append(module.getBasePackage().getName())
                    .append("` | ")
                    .append(named.isEmpty() ? "—" : named)
                    .append(" | ")
                    .append(dependencies(module).isEmpty() ? "—" : String.join(", ", dependencies(module)))
                    .append(" | ")
                    .append(module.getSpringBeans().size())
                    .append(" | ")
                    .append(api)
                    .append(" / ")
                    .append(types.size())
                    .append(" |\n");
        }
        return out.toString();
    }

    private static List<String> dependencies(ApplicationModule module) {
        return module.getDirectDependencies(MODULES)
                .uniqueModules()
                .map(ApplicationModule::getName)
                .sorted()
                .toList();
    }
}
