package io.parapipe.doctor;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The doctor's packages form layers without cycles: {@code rust} (parsing) and {@code cfg} at the
 * bottom, then {@code workspace} (crates, modules, name resolution), {@code eval} (constant
 * evaluation), {@code extract} (what a runtime and a node configure), {@code check} (phase and
 * rules), {@code predict} (the scenario and the simulator seam), {@code report}, and the
 * {@code Doctor} facade on top.
 */
class LayeringTest {
  private static final JavaClasses DOCTOR = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("io.parapipe.doctor");

  @Test
  void packagesFormNoCycle() {
    slices().matching("io.parapipe.(**)").should().beFreeOfCycles().check(DOCTOR);
  }

  @Test
  void readingLayersDoNotReachUp() {
    noClasses().that().resideInAnyPackage("io.parapipe.doctor.rust..", "io.parapipe.doctor.cfg..", "io.parapipe.doctor.workspace..", "io.parapipe.doctor.eval..")
        .should().dependOnClassesThat().resideInAnyPackage("io.parapipe.doctor.extract..", "io.parapipe.doctor.check..", "io.parapipe.doctor.predict..", "io.parapipe.doctor.report..")
        .check(DOCTOR);
  }

  @Test
  void onlyThePredictorTouchesTheSimulator() {
    noClasses().that().resideOutsideOfPackage("io.parapipe.doctor.predict..")
        .should().dependOnClassesThat().resideInAnyPackage("io.parapipe.sim..", "io.parapipe.protocol..")
        .check(DOCTOR);
  }
}
