package io.parapipe.sim.scenario;

import io.parapipe.errors.UserMistake;

/**
 * A scenario the user wrote is wrong: an unknown key, a wrong type, a value out of range, or a
 * file that cannot be read. The message is one line naming the key, the file and what is allowed.
 */
public final class ScenarioConfigException extends UserMistake {
  /** @param message what is wrong, where, and what is allowed */
  public ScenarioConfigException(String message) {
    super(message);
  }
}
