package io.parapipe.doctor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Inputs that used to crash the doctor: each is now one clear user error (exit 2 in the CLI). */
class RobustnessTest {
  private static final String MANIFEST = "[package]\nname = \"loop-runtime\"\nversion = \"0.1.0\"\n\n[dependencies]\n"
      + "cumulus-pallet-parachain-system = \"0.20\"\n";
  @TempDir Path dir;

  private Path runtime(String libRs) throws Exception {
    Files.createDirectories(dir.resolve("runtime/src"));
    Files.writeString(dir.resolve("runtime/Cargo.toml"), MANIFEST);
    Files.writeString(dir.resolve("runtime/src/lib.rs"), libRs);
    return dir;
  }

  @Test
  void aModuleThatIncludesItselfIsACycleNotAStackOverflow() throws Exception {
    Path repo = runtime("construct_runtime!(pub enum Runtime {});\n#[path = \"lib.rs\"]\nmod again;\n");
    assertThatThrownBy(() -> new Doctor(Optional.empty()).examine(repo)).isInstanceOf(DoctorUserError.class)
        .hasMessage("module cycle: `mod again;` at runtime/src/lib.rs:3 loads runtime/src/lib.rs, which is already being loaded; "
            + "hint: rustc rejects this too, fix the `#[path]` attribute");
  }

  @Test
  void twoModulesThatIncludeEachOtherAreACycle() throws Exception {
    Path repo = runtime("construct_runtime!(pub enum Runtime {});\nmod a;\n");
    Files.writeString(dir.resolve("runtime/src/a.rs"), "#[path = \"b.rs\"]\nmod b;\n");
    Files.writeString(dir.resolve("runtime/src/b.rs"), "#[path = \"a.rs\"]\nmod a;\n");
    assertThatThrownBy(() -> new Doctor(Optional.empty()).examine(repo)).isInstanceOf(DoctorUserError.class)
        .hasMessageStartingWith("module cycle: `mod a;` at runtime/src/b.rs:2 loads runtime/src/a.rs");
  }

  @Test
  void aConstantNestedTwentyThousandParenthesesDeepIsRefusedWithItsPlace() throws Exception {
    String deep = "(".repeat(20_000) + "1" + ")".repeat(20_000);
    Path repo = runtime("construct_runtime!(pub enum Runtime {});\npub const CAP: u32 = " + deep + ";\n");
    assertThatThrownBy(() -> new Doctor(Optional.empty()).examine(repo)).isInstanceOf(DoctorUserError.class)
        .hasMessageStartingWith("code nested more than 400 levels deep at runtime/src/lib.rs:2;").hasMessageNotContaining("\n");
  }

  @Test
  void aLongLeftNestedSumIsRefusedToo() throws Exception {
    Path repo = runtime("construct_runtime!(pub enum Runtime {});\npub const CAP: u32 = 1" + " + 1".repeat(20_000) + ";\n");
    assertThatThrownBy(() -> new Doctor(Optional.empty()).examine(repo)).isInstanceOf(DoctorUserError.class)
        .hasMessageContaining("nested more than 400 levels deep");
  }

  @Test
  void aLongChainOfDefinitionsEndsUnknownNotInAStackOverflow() throws Exception {
    StringBuilder b = new StringBuilder("construct_runtime!(pub enum Runtime {});\n");
    b.append("impl cumulus_pallet_parachain_system::Config for Runtime {\n")
        .append("  type ConsensusHook = cumulus_pallet_parachain_system::consensus_hook::FixedCapacityUnincludedSegment<C0>;\n}\n");
    for (int i = 0; i < 5000; i++) {
      b.append("const C").append(i).append(": u32 = C").append(i + 1).append(";\n");
    }
    b.append("const C5000: u32 = 3;\n");
    DoctorReport report = new Doctor(Optional.empty()).examine(runtime(b.toString()));
    assertThat(report.runtimes().get(0).variants().get(0).variant().value(io.parapipe.doctor.extract.ParamKey.UNINCLUDED_SEGMENT_CAPACITY))
        .hasToString("unknown (`C100` is reached through more than 100 definitions)");
  }

  @Test
  void aBinaryManifestAndABinarySourceFileAreSkipped() throws Exception {
    Path repo = runtime("construct_runtime!(pub enum Runtime {});\nmod blob;\n");
    Files.write(dir.resolve("runtime/src/blob.rs"), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2, (byte) 0x80});
    Files.createDirectories(dir.resolve("junk"));
    Files.write(dir.resolve("junk/Cargo.toml"), new byte[] {(byte) 0xc3, (byte) 0x28, 0, (byte) 0xff});
    DoctorReport report = new Doctor(Optional.empty()).examine(repo);
    assertThat(report.runtimes()).hasSize(1);
  }

  @Test
  void aSymlinkLoopIsNotFollowed() throws Exception {
    Path repo = runtime("construct_runtime!(pub enum Runtime {});\nmod looping;\n");
    Files.createSymbolicLink(dir.resolve("runtime/src/looping.rs"), dir.resolve("runtime/src/looping.rs"));
    Files.createSymbolicLink(dir.resolve("runtime/up"), dir.resolve("runtime"));
    DoctorReport report = new Doctor(Optional.empty()).examine(repo);
    assertThat(report.runtimes()).hasSize(1);
  }
}
