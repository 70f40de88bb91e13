package io.parapipe.protocol.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * The protocol module's layering, as {@code docs/architecture.md} states it: packages form no
 * cycle; the wire is plain data over {@code primitives} and {@code host}; runtimes never reach
 * up into nodes; the relay and para runtimes stay apart; and protocol code never knows the
 * simulator. Runs on the main classes only (test code may cross layers).
 */
class LayeringTest {
  private static final String PROTOCOL = "io.parapipe.protocol";

  private static final JavaClasses MAIN = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages(PROTOCOL);

  /** Every package of the module is its own slice; no slice may reach itself again. */
  static final ArchRule NO_PACKAGE_CYCLES = slices().matching(PROTOCOL + ".(**)")
      .should().beFreeOfCycles();

  static final ArchRule WIRE_IS_PLAIN_DATA = classes().that().resideInAPackage(PROTOCOL + ".wire..")
      .should().onlyDependOnClassesThat().resideInAnyPackage(PROTOCOL + ".wire..",
          PROTOCOL + ".primitives..", PROTOCOL + ".host..", "java..")
      .because("messages are plain data that any node can read");

  static final ArchRule PROTOCOL_IGNORES_SIM = noClasses().that().resideInAPackage(PROTOCOL + "..")
      .should().dependOnClassesThat().resideInAPackage("io.parapipe.sim..")
      .because("protocol code never knows it runs in a simulation");

  static final ArchRule RELAY_RUNTIME_BELOW_NODE = noClasses()
      .that().resideInAPackage(PROTOCOL + ".relay.runtime..")
      .should().dependOnClassesThat().resideInAPackage(PROTOCOL + ".relay.node..")
      .because("the runtime is what nodes execute, never the other way round");

  static final ArchRule RELAY_RUNTIME_APART_FROM_PARA_RUNTIME = noClasses()
      .that().resideInAPackage(PROTOCOL + ".relay.runtime..")
      .should().dependOnClassesThat().resideInAPackage(PROTOCOL + ".para.runtime..")
      .because("the relay chain treats para heads and PoVs as opaque");

  static final ArchRule PARA_RUNTIME_APART_FROM_RELAY_RUNTIME = noClasses()
      .that().resideInAPackage(PROTOCOL + ".para.runtime..")
      .should().dependOnClassesThat().resideInAPackage(PROTOCOL + ".relay.runtime..")
      .because("a parachain sees the relay chain only through its validation data and proofs");

  @Test
  void packagesFormNoCycle() {
    NO_PACKAGE_CYCLES.check(MAIN);
  }

  @Test
  void wireImportsOnlyPrimitivesAndHost() {
    WIRE_IS_PLAIN_DATA.check(MAIN);
  }

  @Test
  void protocolNeverImportsTheSimulator() {
    PROTOCOL_IGNORES_SIM.check(MAIN);
  }

  @Test
  void relayRuntimeNeverImportsRelayNode() {
    RELAY_RUNTIME_BELOW_NODE.check(MAIN);
  }

  @Test
  void relayAndParaRuntimesDoNotImportEachOther() {
    RELAY_RUNTIME_APART_FROM_PARA_RUNTIME.check(MAIN);
    PARA_RUNTIME_APART_FROM_RELAY_RUNTIME.check(MAIN);
  }

  /** The cycle rule is not vacuous: the test fixture's two packages refer to each other. */
  @Test
  void theCycleRuleSeesACycle() {
    JavaClasses fixture = new ClassFileImporter().importPackages(PROTOCOL + ".architecture.fixture");
    assertThatThrownBy(() -> NO_PACKAGE_CYCLES.check(fixture))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("architecture.fixture.first")
        .hasMessageContaining("architecture.fixture.second");
  }
}
