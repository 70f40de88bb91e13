package io.parapipe.report.compare;

import io.parapipe.report.ReportUserError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * A scenario to run: the text of a scenario TOML file ({@code docs/scenario.md}) and where it came
 * from.
 *
 * @param label short name of the run: the file name without {@code .toml}, or the built-in name;
 *     used as column heading and output file name
 * @param toml the scenario file's text
 * @param origin the file path, or {@code built-in:<name>}, for messages
 */
public record Scenario(String label, String toml, String origin) {
  /**
   * Reads a scenario file.
   *
   * @param file a TOML scenario
   * @return the scenario, labelled by the file name
   * @throws ReportUserError if the file cannot be read
   */
  public static Scenario fromFile(Path file) {
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      String name = file.getFileName().toString();
      String label = name.endsWith(".toml") ? name.substring(0, name.length() - 5) : name;
      return new Scenario(label, text, file.toString());
    } catch (NoSuchFileException e) {
      throw new ReportUserError("--config " + file + ": no such file");
    } catch (IOException e) {
      throw new ReportUserError("--config " + file + ": cannot read: " + e.getMessage());
    }
  }

  /**
   * The comparison run without {@code --config}: synchronous and asynchronous backing on the same
   * network (the shipped {@code scenarios/sync.toml} and {@code scenarios/async.toml}).
   *
   * @param shipped the catalogue of shipped scenarios
   * @return the {@code sync} and {@code async} scenarios
   */
  public static List<Scenario> syncVsAsync(BuiltInScenarios shipped) {
    return List.of(builtIn(shipped, "sync"), builtIn(shipped, "async"));
  }

  /**
   * @param shipped the catalogue of shipped scenarios
   * @param name a shipped scenario's name, e.g. {@code sync}
   * @return that built-in scenario, labelled by its name
   * @throws IllegalArgumentException if the catalogue has no such scenario (a bug: the callers
   *     name only scenarios that are shipped)
   */
  public static Scenario builtIn(BuiltInScenarios shipped, String name) {
    String text = shipped.text(name)
        .orElseThrow(() -> new IllegalArgumentException("no built-in scenario " + name));
    return new Scenario(name, text, "scenarios/" + name + ".toml");
  }
}
