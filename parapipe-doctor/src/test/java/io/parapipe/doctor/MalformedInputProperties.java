package io.parapipe.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import io.parapipe.doctor.report.JsonReport;
import io.parapipe.doctor.report.TerminalReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Fuzzing: repositories assembled at random from fragments of parachain code, broken code, module
 * declarations (with {@code #[path]} cycles), deep nesting, binary files and symlink loops. The
 * doctor either reports or refuses with one line; it never throws anything else.
 */
class MalformedInputProperties {
  private static final List<String> FRAGMENTS = List.of(
      "construct_runtime!(pub enum Runtime { System: frame_system = 0 });\n",
      "impl cumulus_pallet_parachain_system::Config for Runtime {\n type ConsensusHook = ConsensusHook;\n type CheckAssociatedRelayNumber = RelayNumberMonotonicallyIncreases;\n}\n",
      "type ConsensusHook = cumulus_pallet_aura_ext::FixedVelocityConsensusHook<Runtime, 6000, VELOCITY, CAPACITY>;\n",
      "type ConsensusHook<T> = cumulus_pallet_aura_ext::FixedVelocityConsensusHook<T, 6000, 1, 3>;\n",
      "const CAPACITY: u32 = VELOCITY * 3;\n", "const VELOCITY: u32 = CAPACITY / 0;\n", "const VELOCITY: u32 = 1 << 200;\n",
      "impl pallet_aura::Config for Runtime { type AllowMultipleBlocksPerSlot = ConstBool<true>; type SlotDuration = ConstU64<6000>; }\n",
      "impl pallet_timestamp::Config for Runtime { type MinimumPeriod = MinimumPeriod; }\n",
      "pub struct MinimumPeriod; impl Get<u64> for MinimumPeriod { fn get() -> u64 { MinimumPeriod::get() } }\n",
      "parameter_types! { pub const Foo: u32 = Foo; pub Bar: Weight = Weight::from_parts(u64::MAX, 1).saturating_mul(u64::MAX); }\n",
      "impl_runtime_apis! { impl cumulus_primitives_aura::AuraUnincludedSegmentApi<Block> for Runtime { fn can_build_upon() -> bool { Runtime::can_build_upon() } } }\n",
      "macro_rules! again { () => { again!(); impl_config!(); }; }\nagain!();\n",
      "macro_rules! impl_config { () => { impl cumulus_pallet_parachain_system::Config for Runtime { type ConsensusHook = $crate::Hook; } }; }\nimpl_config!();\n",
      "wrapper! { impl sp_api::CoreApi<Block> for Runtime { } }\n",
      "#[cfg(any(not(feature = \"a\"), all(feature = \"b\", not(any(feature = \"c\")))))]\nconst CAPACITY: u32 = 2;\n",
      "#[cfg(all(feature = \"x\", not(feature = \"x\")))]\nconst CAPACITY: u32 = 9;\n",
      "use crate::*; use super::*; use self::inner::*;\nmod inner { pub use super::*; }\n",
      "use runtime_common::{self as common, *};\n",
      "fn start() { use cumulus_client_consensus_aura::collators::lookahead::{self as aura}; aura::run(params); }\n",
      "impl Foo for { type = ; }\n", "}}}}}", "{{{{", "fn ( -> <<<>>> where", "\"unterminated\n", "/* unterminated comment\n",
      "r#\"raw\n", "#[path = ]\nmod ;\n", "mod missing;\n", "mod nested;\n", "#[path = \"lib.rs\"]\nmod again;\n",
      "#[path = \"../../../../../etc/passwd\"]\nmod outside;\n", "const X: u32 = 0x_zz;\n", "const Y: u128 = 340282366920938463463374607431768211456;\n");

  @Property(tries = 60)
  void theDoctorReportsOrRefusesInOneLine(@ForAll long seed) throws IOException {
    Path repo = Files.createTempDirectory("doctor-fuzz");
    try {
      write(repo, new Random(seed));
      try {
        DoctorReport report = new Doctor(Optional.empty()).examine(repo);
        assertThat(TerminalReport.render(report)).startsWith("parapipe doctor: ");
        assertThat(JsonReport.render(report)).contains("\"schema\"");
      } catch (DoctorUserError e) {
        assertThat(e.getMessage()).isNotBlank().doesNotContain("\n");
      }
    } finally {
      delete(repo);
    }
  }

  private static void write(Path repo, Random r) throws IOException {
    Files.writeString(repo.resolve("Cargo.toml"), r.nextInt(5) == 0 ? "[workspace\nmembers = [\"runtime\"" : "[workspace]\nmembers = [\"runtime\"]\n");
    Path src = Files.createDirectories(repo.resolve("runtime/src"));
    if (r.nextInt(8) != 0) {
      Files.writeString(repo.resolve("runtime/Cargo.toml"), "[package]\nname = \"fuzz-runtime\"\nversion = \"0.1.0\"\n\n[dependencies]\n"
          + "cumulus-pallet-parachain-system = \"0.20\"\nruntime-common = { path = \"../common\" }\n\n[features]\na = [\"b\"]\nb = [\"c\"]\nc = [\"a\"]\n");
    }
    Files.writeString(src.resolve("lib.rs"), source(r));
    Files.writeString(src.resolve("nested.rs"), source(r) + (r.nextBoolean() ? "#[path = \"nested.rs\"]\nmod back;\n" : ""));
    Path common = Files.createDirectories(repo.resolve("common/src"));
    Files.writeString(repo.resolve("common/Cargo.toml"), "[package]\nname = \"runtime-common\"\nversion = \"0.1.0\"\n");
    Files.writeString(common.resolve("lib.rs"), source(r));
    if (r.nextInt(4) == 0) {
      byte[] junk = new byte[64 + r.nextInt(512)];
      r.nextBytes(junk);
      Files.write(src.resolve(r.nextBoolean() ? "missing.rs" : "blob.rs"), junk);
      Files.write(repo.resolve(r.nextBoolean() ? "common/Cargo.toml" : "Cargo.toml"), junk);
    }
    if (r.nextInt(4) == 0) {
      int depth = 50 + r.nextInt(2000);
      Files.writeString(src.resolve("lib.rs"), "construct_runtime!();\nconst CAPACITY: u32 = " + "(".repeat(depth) + "1" + ")".repeat(depth) + ";\n",
          java.nio.file.StandardOpenOption.APPEND);
    }
    if (r.nextInt(4) == 0) {
      try {
        Files.createSymbolicLink(src.resolve("missing.rs"), src.resolve("missing.rs"));
        Files.createSymbolicLink(repo.resolve("runtime/loop"), repo.resolve("runtime"));
      } catch (IOException | UnsupportedOperationException e) {
        // a file system without symlinks: the other inputs still run
      }
    }
  }

  private static String source(Random r) {
    StringBuilder b = new StringBuilder();
    int n = 1 + r.nextInt(12);
    for (int i = 0; i < n; i++) {
      b.append(FRAGMENTS.get(r.nextInt(FRAGMENTS.size())));
      if (r.nextInt(6) == 0) {
        int cut = r.nextInt(b.length() + 1);
        b.setLength(cut); // a file that stops in the middle
      }
    }
    return b.toString();
  }

  private static void delete(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }
}
