package io.parapipe.doctor.check;

import java.util.List;

/** One row of the checker's table: looks at one runtime variant and adds what it finds. */
interface RuleCheck {
  /** Adds this rule's findings for the input to {@code out}; adds nothing when an input it needs is unknown. */
  void check(CheckInput in, List<Finding> out);
}
