package io.parapipe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code parapipe doctor} on inputs it refuses: one line, exit 2, no stack trace. */
class DoctorCommandTest {
  @RegisterExtension final StandardStreams streams = new StandardStreams();

  private static Path runtime(Path dir, String libRs) throws Exception {
    Files.createDirectories(dir.resolve("runtime/src"));
    Files.writeString(dir.resolve("runtime/Cargo.toml"),
        "[package]\nname = \"cyclic-runtime\"\nversion = \"0.1.0\"\n\n[dependencies]\ncumulus-pallet-parachain-system = \"0.20\"\n");
    Files.writeString(dir.resolve("runtime/src/lib.rs"), libRs);
    return dir;
  }

  @Test
  void aModuleCycleIsOneLineAndExitTwo(@TempDir Path dir) throws Exception {
    Path repo = runtime(dir, "construct_runtime!(pub enum Runtime {});\n#[path = \"lib.rs\"]\nmod again;\n");
    assertThat(Main.run("doctor", repo.toString())).isEqualTo(2);
    String e = streams.stderr();
    assertThat(e).startsWith("parapipe: error: module cycle: `mod again;` at runtime/src/lib.rs:3").doesNotContain("\tat ");
    assertThat(e.strip().lines()).hasSize(1);
  }

  @Test
  void twentyThousandParenthesesAreOneLineAndExitTwo(@TempDir Path dir) throws Exception {
    Path repo = runtime(dir, "construct_runtime!(pub enum Runtime {});\nconst CAP: u32 = " + "(".repeat(20_000) + "1" + ")".repeat(20_000) + ";\n");
    assertThat(Main.run("doctor", repo.toString())).isEqualTo(2);
    String e = streams.stderr();
    assertThat(e).startsWith("parapipe: error: code nested more than 400 levels deep at runtime/src/lib.rs:2").doesNotContain("\tat ");
    assertThat(e.strip().lines()).hasSize(1);
  }
}
