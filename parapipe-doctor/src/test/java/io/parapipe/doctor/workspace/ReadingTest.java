package io.parapipe.doctor.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import io.parapipe.doctor.TestRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadingTest {
  @TempDir Path dir;

  @Test
  void parameterTypesEntriesKeepTheirLines() {
    TestRepo.Reading r = TestRepo.at(dir).crate("rt", "rt", "// one\nparameter_types! {\n\tpub const A: u32 = 1;\n\tpub B: u32 = 2;\n\n\tpub storage C: u32 = 3;\n}\n").read();
    ModuleScope root = r.root("rt");
    assertThat(root.definitions("A").get(0).item().line()).isEqualTo(3);
    assertThat(root.definitions("B").get(0).item().line()).isEqualTo(4);
    assertThat(root.definitions("C").get(0).item().line()).isEqualTo(6);
    assertThat(root.definitions("B").get(0).kind()).isEqualTo(Definition.Kind.PARAMETER);
  }

  @Test
  void testModulesAndMockRuntimesAreSkipped() {
    TestRepo.Reading r = TestRepo.at(dir)
        .crate("p", "pallet-x", "#[cfg(test)]\nmod tests;\nmod mock;\n#[cfg(any(test, feature = \"runtime-benchmarks\"))]\nmod bench { pub const Z: u32 = 1; }\npub const Y: u32 = 2;\n")
        .file("p/src/mock.rs", "construct_runtime!(pub enum Test { System: frame_system });\n")
        .file("p/src/tests.rs", "const X: u32 = 1;\n")
        .read();
    CrateSource src = r.source("pallet_x");
    assertThat(src.modules()).hasSize(1);
    assertThat(src.definitionsNamed("Y")).hasSize(1);
    assertThat(src.definitionsNamed("Z")).isEmpty();
  }

  @Test
  void nestedModuleFilesAndPathAttributesAreFollowed() {
    TestRepo.Reading r = TestRepo.at(dir)
        .crate("rt", "rt", "mod configs;\n#[path = \"elsewhere/consts.rs\"]\nmod consts;\n")
        .file("rt/src/configs/mod.rs", "mod xcm;\n")
        .file("rt/src/configs/xcm.rs", "pub const IN_XCM: u32 = 1;\n")
        .file("rt/src/elsewhere/consts.rs", "pub const ELSEWHERE: u32 = 2;\n")
        .read();
    Resolution found = r.resolver().resolve(r.root("rt"), List.of("crate", "configs", "xcm", "IN_XCM"));
    assertThat(found).isInstanceOf(Resolution.Found.class);
    assertThat(r.source("rt").definitionsNamed("ELSEWHERE")).hasSize(1);
  }

  @Test
  void globImportCyclesTerminate() {
    TestRepo.Reading r = TestRepo.at(dir).crate("rt", "rt", "mod a { pub use super::*; }\npub use a::*;\n").read();
    assertThat(r.resolver().resolve(r.root("rt"), List.of("NOWHERE"))).isInstanceOf(Resolution.Missing.class);
  }

  @Test
  void malformedManifestsFallBackToALineScan() throws Exception {
    Path manifest = Files.writeString(dir.resolve("Cargo.toml"),
        "[package]\nname = \"odd\"\nversion = 1.0.0 # not TOML\n\n[dependencies]\nps = { package = \"cumulus-pallet-parachain-system\", version = \"1\" }\n");
    CargoManifest m = CargoManifest.read(manifest);
    assertThat(m.parseProblem()).isNotNull();
    assertThat(m.packageName()).isEqualTo("odd");
    assertThat(m.dependsOn("cumulus-pallet-parachain-system")).isTrue();
  }
}
