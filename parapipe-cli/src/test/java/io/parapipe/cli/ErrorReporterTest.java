package io.parapipe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.parapipe.conformance.MalformedVectorException;
import io.parapipe.doctor.DoctorUserError;
import io.parapipe.report.ReportUserError;
import io.parapipe.sim.results.RunFileUserError;
import io.parapipe.sim.scenario.ScenarioConfigException;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** User mistakes are recognised by type, whichever module throws them; the rest are bugs. */
class ErrorReporterTest {
  /** Named like a user error, but not one: the name alone must not decide. */
  private static final class LooksLikeAUserError extends RuntimeException {
    LooksLikeAUserError(String m) {
      super(m);
    }
  }

  @Test
  void everyModulesUserMistakeIsAUserError() {
    assertThat(ErrorReporter.isUserError(new ScenarioConfigException("x"))).isTrue();
    assertThat(ErrorReporter.isUserError(new RunFileUserError("x"))).isTrue();
    assertThat(ErrorReporter.isUserError(new ReportUserError("x"))).isTrue();
    assertThat(ErrorReporter.isUserError(new DoctorUserError("x"))).isTrue();
    assertThat(ErrorReporter.isUserError(new MalformedVectorException("a.b", "x"))).isTrue();
    assertThat(ErrorReporter.isUserError(new UserError("x"))).isTrue();
  }

  @Test
  void otherExceptionsAreBugs() {
    assertThat(ErrorReporter.isUserError(new IllegalStateException("x"))).isFalse();
    assertThat(ErrorReporter.isUserError(new LooksLikeAUserError("x"))).isFalse();
  }

  @Command(name = "fails")
  static final class Fails implements Callable<Integer> {
    RuntimeException thrown;

    @Override
    public Integer call() {
      throw thrown;
    }
  }

  private static int run(RuntimeException thrown, ByteArrayOutputStream err) {
    Fails f = new Fails();
    f.thrown = thrown;
    CommandLine cl = new CommandLine(f);
    cl.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
    cl.setExecutionExceptionHandler(new ErrorReporter());
    return cl.execute();
  }

  @Test
  void aUserMistakeIsOneLineAndExitCodeTwo() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    assertThat(run(new ReportUserError("--para 7: not in the run"), err)).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .isEqualTo("parapipe: error: --para 7: not in the run" + System.lineSeparator());
  }

  @Test
  void aBugKeepsItsStackTraceAndExitCodeOne() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    assertThat(run(new LooksLikeAUserError("boom"), err)).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .startsWith("parapipe: internal error (a bug, please report it):")
        .contains("LooksLikeAUserError: boom").contains("\tat ");
  }
}
