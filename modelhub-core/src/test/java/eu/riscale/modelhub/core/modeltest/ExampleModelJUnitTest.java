package eu.riscale.modelhub.core.modeltest;

import eu.riscale.modelhub.core.modeltest.junit.ModelTestFactory;
import eu.riscale.modelhub.core.resource.ResourceSettings;
import eu.riscale.modelhub.spec.Conformance;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The JUnit integration as a consumer uses it (docs/testing-models.md): the project's example model, one test per check. */
class ExampleModelJUnitTest {
    @TestFactory
    Stream<DynamicTest> exampleModelPassesTheModelHubTests() {
        String model = Conformance.buildRoot().resolve("examples/unet2d-nuclei").toString();
        return ModelTestFactory.dynamicTests(
                model,
                TestOptions.builder()
                        .resources(ResourceSettings.defaults().with(b -> b.offline(true)))
                        .build());
    }
}
