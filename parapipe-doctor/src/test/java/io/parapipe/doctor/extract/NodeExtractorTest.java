package io.parapipe.doctor.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.parapipe.doctor.TestRepo;
import io.parapipe.doctor.eval.Value;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeExtractorTest {
  @TempDir Path dir;

  private CollatorFacts extract(String serviceRs) {
    TestRepo.Reading r = TestRepo.at(dir)
        .file("node/Cargo.toml", "[package]\nname = \"n\"\nversion = \"0.1.0\"\n\n[dependencies]\ncumulus-client-consensus-aura = \"0.21\"\n")
        .file("node/src/main.rs", "mod service;\nfn main() {}\n")
        .file("node/src/service.rs", serviceRs)
        .read();
    return new NodeExtractor(r.workspace(), r.resolver(), r.evaluator()).extract(List.of(r.workspace().crateNamed("n")));
  }

  @Test
  void authoringDurationFromALetBindingAndShorthandField() {
    CollatorFacts f = extract("use cumulus_client_consensus_aura::collators::lookahead as aura;\nconst MS: u64 = 750 * 2;\n"
        + "fn start() {\n    let authoring_duration = Duration::from_millis(MS);\n"
        + "    let params = aura::Params { authoring_duration, para_id };\n    aura::run(params);\n}\n");
    assertThat(f.kind()).isEqualTo(CollatorKind.LOOKAHEAD);
    CollatorLaunch l = f.launches().get(0);
    assertThat(l.origin().line()).isEqualTo(6);
    assertThat(l.authoringDuration().value()).isEqualTo(new Value.Duration(BigInteger.valueOf(1_500_000)));
  }

  @Test
  void anAuthoringDurationFromTheCommandLineIsUnknown() {
    CollatorFacts f = extract("use cumulus_client_consensus_aura::collators::slot_based::{self, Params};\n"
        + "fn start(cli: Cli) {\n    slot_based::run(Params { authoring_duration: Duration::from_millis(cli.authoring_ms) });\n}\n");
    assertThat(f.kind()).isEqualTo(CollatorKind.SLOT_BASED);
    assertThat(f.launches().get(0).authoringDuration().value()).isInstanceOfSatisfying(Value.Unknown.class,
        u -> assertThat(u.reason()).startsWith("set at run time: `Duration::from_millis(cli.authoring_ms)`"));
  }

  @Test
  void theLegacyStartCollatorPathCountsAsBasic() {
    CollatorFacts f = extract("use cumulus_client_service::{start_collator, StartCollatorParams};\n"
        + "fn start() {\n    let consensus = my_consensus_builder(client);\n    start_collator(StartCollatorParams { parachain_consensus: consensus })?;\n}\n");
    assertThat(f.kind()).isEqualTo(CollatorKind.BASIC);
    assertThat(f.launches().get(0).origin().line()).isEqualTo(4);
    assertThat(f.launches().get(0).note()).startsWith("legacy `start_collator`");
    assertThat(f.launches().get(0).authoringDuration()).isNull();
  }

  @Test
  void unrelatedRunCallsAreNotCollators() {
    CollatorFacts f = extract("use cumulus_client_service::start_relay_chain_tasks;\nfn start() {\n    start_relay_chain_tasks(p);\n    runner.run();\n    cli::run();\n}\n");
    assertThat(f.launches()).isEmpty();
    assertThat(f.unknowns()).singleElement().satisfies(u -> assertThat(u.reason()).startsWith("no collator start"));
  }
}
