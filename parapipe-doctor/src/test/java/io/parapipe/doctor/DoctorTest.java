package io.parapipe.doctor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parapipe.doctor.predict.PredictionOutcome;
import io.parapipe.doctor.report.JsonReport;
import io.parapipe.doctor.rust.RustParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DoctorTest {
  @TempDir Path dir;

  @Test
  void treeSitterNativesLoadOnThisMachine() {
    new RustParser(); // throws UnreadableInput (a user error in Doctor) naming the platform when the JNI library cannot load
  }

  @Test
  void aMissingPathIsAUserError() {
    assertThatThrownBy(() -> new Doctor(Optional.empty()).examine(dir.resolve("nope")))
        .isInstanceOf(DoctorUserError.class).hasMessageStartingWith("no such directory: ").hasMessageContaining("repository");
  }

  @Test
  void aFileIsNotARepository() throws Exception {
    Path file = Files.writeString(dir.resolve("lib.rs"), "fn main() {}");
    assertThatThrownBy(() -> new Doctor(Optional.empty()).examine(file)).isInstanceOf(DoctorUserError.class).hasMessageContaining("is not a directory");
  }

  @Test
  void aDirectoryWithoutRustIsNotAParachainCodebase() {
    assertThatThrownBy(() -> new Doctor(Optional.empty()).examine(dir)).isInstanceOf(DoctorUserError.class)
        .hasMessageContaining("no Rust crate").hasMessageContaining("not a parachain codebase");
  }

  @Test
  void aRustCrateWithoutParachainRuntimeIsRejected() {
    assertThatThrownBy(() -> new Doctor(Optional.empty()).examine(DoctorGoldenTest.REPOS.resolve("not-a-parachain")))
        .isInstanceOf(DoctorUserError.class).hasMessageContaining("no parachain runtime found").hasMessageContaining("hint:");
  }

  @Test
  void aFrameRuntimeModuleMarksARuntimeCrateWhateverItsDirectory() {
    Path repo = TestRepo.at(dir)
        .file("chain/Cargo.toml", "[package]\nname = \"chain\"\nversion = \"0.1.0\"\n\n[dependencies]\ncumulus-pallet-parachain-system = \"0.20\"\n")
        .file("chain/src/lib.rs", "#[frame_support::runtime]\nmod runtime {\n    #[runtime::runtime]\n    pub struct Runtime;\n}\n"
            + "impl cumulus_pallet_parachain_system::Config for Runtime {\n"
            + "    type ConsensusHook = cumulus_pallet_parachain_system::consensus_hook::FixedCapacityUnincludedSegment<2>;\n}\n")
        .write();
    DoctorReport report = new Doctor(Optional.empty()).examine(repo);
    assertThat(report.runtimes()).singleElement().satisfies(r -> {
      assertThat(r.facts().path()).isEqualTo("chain/src/lib.rs");
      assertThat(r.variants().get(0).variant().integer(io.parapipe.doctor.extract.ParamKey.UNINCLUDED_SEGMENT_CAPACITY)).isEqualTo(2);
    });
    assertThat(report.phase()).isEqualTo(io.parapipe.doctor.check.Phase.ASYNC);
    assertThat(report.unknowns()).singleElement().satisfies(u -> assertThat(u.reason()).startsWith("no node in this repository"));
    // No pallet_aura: nothing to simulate, and the report says why.
    assertThat(report.prediction().reason()).contains("neither pallet_aura nor Nimbus in the runtime");
  }

  @Test
  void withoutASimulatorThePredictionSaysSoAndInventsNothing() {
    DoctorReport report = new Doctor(Optional.empty()).examine(DoctorGoldenTest.REPOS.resolve("async"));
    PredictionOutcome p = report.prediction();
    assertThat(p.status()).isEqualTo(PredictionOutcome.Status.UNAVAILABLE);
    assertThat(p.reason()).contains("unavailable in this build");
    assertThat(p.prediction()).isNull();
    assertThat(p.scenarioToml()).contains("unincluded_segment_capacity = 3");
    String json = JsonReport.render(report);
    assertThat(json).contains("\"inclusion_interval_ms\" : null").contains("\"panics\" : null").contains("\"status\" : \"unavailable\"");
  }

  @Test
  void aSimulatorFailureIsReportedNotSwallowed() {
    DoctorReport report = new Doctor(Optional.of(toml -> {
      throw new IllegalArgumentException("[para] minimum_period: must be a duration");
    })).examine(DoctorGoldenTest.REPOS.resolve("async"));
    assertThat(report.prediction().status()).isEqualTo(PredictionOutcome.Status.FAILED);
    assertThat(report.prediction().reason()).isEqualTo("the simulator could not run the scenario: [para] minimum_period: must be a duration");
  }

  @Test
  void theSchemaNamesItself() {
    DoctorReport report = new Doctor(Optional.of(new ArithmeticFakePredictor())).examine(DoctorGoldenTest.REPOS.resolve("async"));
    assertThat(JsonReport.tree(report).path("schema").asText()).isEqualTo("parapipe.doctor/2");
    assertThat(JsonReport.tree(report).path("runtimes").get(0).path("parameters").path("unincluded_segment_capacity").asInt()).isEqualTo(3);
  }
}
