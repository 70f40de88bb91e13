package io.parapipe.doctor.check;

import java.math.BigDecimal;
import java.util.List;

/** Field-notes §5.8: authoring longer than the 2 s backing execution timeout. */
final class AuthoringAboveBackingTimeout implements RuleCheck {
  @Override
  public void check(CheckInput in, List<Finding> out) {
    if (in.authoringMs == null || in.authoringMs.compareTo(BigDecimal.valueOf(Checker.BACKING_TIMEOUT_MS)) <= 0) {
      return;
    }
    out.add(in.finding(Severity.WARN, Rule.AUTHORING_ABOVE_BACKING_TIMEOUT,
        "authoring_duration is " + in.authoringMs.toPlainString() + " ms, above the 2000 ms backing execution timeout: backers slower than the collator time out and reject candidates",
        in.authoring.origin()));
  }
}
