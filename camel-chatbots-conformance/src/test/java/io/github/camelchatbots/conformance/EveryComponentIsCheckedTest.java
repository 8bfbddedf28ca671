package io.github.camelchatbots.conformance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every component module of the build (a module with a {@code src/main/docs/<scheme>-component.adoc}) is on this
 * module's classpath, announces itself the way Camel's own jars do, and so is covered by every conformance test.
 */
class EveryComponentIsCheckedTest {

    private static final Path ROOT = Path.of("..");

    @Test
    void everyComponentModuleOfTheBuildIsCheckedHere() throws IOException {
        List<String> inBuild = componentModules();
        List<String> found = ComponentsUnderTest.all().stream().map(ComponentsUnderTest.Found::artifactId).toList();

        assertThat(inBuild).isNotEmpty();
        assertThat(found).as("components on this module's classpath; add the missing ones as dependencies")
                .containsExactlyInAnyOrderElementsOf(inBuild);
    }

    @Test
    void eachComponentJarAnnouncesItselfAsCamelsOwnDo() {
        for (ComponentsUnderTest.Found component : ComponentsUnderTest.all()) {
            assertThat(component.properties().getProperty("version")).as(component.scheme()).isNotBlank()
                    .doesNotContain("${");
            assertThat(component.properties().getProperty("projectName")).as(component.scheme()).isNotBlank()
                    .doesNotContain("${");
            assertThat(component.artifactId()).isEqualTo("camel-" + component.scheme());
        }
    }

    @Test
    void theProjectIsLicensedUnderTheApacheLicence() throws IOException {
        assertThat(Files.readString(ROOT.resolve("LICENSE"))).contains("Apache License", "Version 2.0, January 2004",
                "TERMS AND CONDITIONS FOR USE, REPRODUCTION, AND DISTRIBUTION");
        assertThat(Files.readString(ROOT.resolve("NOTICE"))).contains("camel-chatbots");
        assertThat(Files.readString(ROOT.resolve("pom.xml"))).contains("<name>Apache License, Version 2.0</name>");
    }

    private static List<String> componentModules() throws IOException {
        String parent = Files.readString(ROOT.resolve("pom.xml"));
        Matcher module = Pattern.compile("<module>([^<]+)</module>").matcher(parent);
        List<String> components = new java.util.ArrayList<>();
        while (module.find()) {
            Path docs = ROOT.resolve(module.group(1)).resolve("src/main/docs");
            if (Files.isDirectory(docs)) {
                try (Stream<Path> files = Files.list(docs)) {
                    if (files.anyMatch(file -> file.getFileName().toString().endsWith("-component.adoc"))) {
                        components.add(module.group(1));
                    }
                }
            }
        }
        return components;
    }
}
