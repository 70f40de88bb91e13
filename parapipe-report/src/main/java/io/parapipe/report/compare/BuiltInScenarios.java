package io.parapipe.report.compare;

import java.util.Optional;

/**
 * Where {@code parapipe compare} finds the shipped scenarios ({@code scenarios/<name>.toml}) by
 * name. The simulator owns that catalogue; the command line hands it over through this seam, so
 * the report module does not depend on the simulator.
 */
@FunctionalInterface
public interface BuiltInScenarios {
  /**
   * @param name a shipped scenario's name, e.g. {@code sync}
   * @return its TOML text, or empty if no shipped scenario has that name
   */
  Optional<String> text(String name);
}
