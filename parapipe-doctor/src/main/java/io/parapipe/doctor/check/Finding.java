package io.parapipe.doctor.check;

import io.parapipe.doctor.eval.Origin;
import java.util.List;

/**
 * One result of a checker rule.
 *
 * @param severity how bad
 * @param rule which rule
 * @param message what is wrong, with the values read
 * @param at the main evidence (file and line)
 * @param evidence further locations that contributed
 * @param fix what to do, in the words of the upgrade guide
 * @param runtime the runtime's path, or null for repository-wide findings
 * @param conditions the feature combination it applies to (empty: all builds)
 */
public record Finding(Severity severity, Rule rule, String message, Origin at, List<Origin> evidence, String fix, String runtime, List<String> conditions) {
  /** The same finding restricted to a feature combination. */
  public Finding under(List<String> newConditions) {
    return new Finding(severity, rule, message, at, evidence, fix, runtime, List.copyOf(newConditions));
  }
}
