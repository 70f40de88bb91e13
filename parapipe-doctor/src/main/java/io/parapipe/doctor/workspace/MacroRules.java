package io.parapipe.doctor.workspace;

import io.parapipe.doctor.rust.SyntaxNode;

/**
 * A {@code macro_rules!} definition of the repository. The doctor applies only rules whose
 * pattern holds no metavariable ({@code () => { ... }}, the shape of the configuration macros
 * runtimes share through a common crate) or takes every token ({@code ($($x:tt)*) => { ..
 * $($x)* .. }}); other invocations stay unexpanded and are reported as macros whose output
 * cannot be read.
 *
 * @param name the macro's name
 * @param node the {@code macro_definition} node
 * @param crate the crate that defines it
 */
public record MacroRules(String name, SyntaxNode node, CrateSource crate) {
  private static final java.util.regex.Pattern CAPTURE_ALL = java.util.regex.Pattern.compile("\\$\\(\\s*\\$(\\w+)\\s*:\\s*tt\\s*\\)\\s*\\*");
  private static final java.util.regex.Pattern RUNTIME_API_IMPL = java.util.regex.Pattern.compile("\\bimpl\\s+[\\w:]*Api\\s*<");
  /**
   * The body of the first rule whose pattern matches the invocation's tokens, with
   * {@code $crate} replaced by {@code crateName}; null when no rule applies.
   *
   * @param invocation the invocation's token tree (delimiters included), or null
   * @param crateName how the invoking crate names the defining crate ({@code crate} for itself)
   */
  public String expand(SyntaxNode invocation, String crateName) {
    SyntaxNode rule = matchingRule(invocation);
    if (rule == null) {
      return null;
    }
    String body = inner(rule.field("right").text()).replace("$crate", crateName);
    String capture = captureAll(inner(rule.field("left").text()));
    if (capture != null) {
      // On one line, so that the body keeps its own line numbers; impls among the captured tokens
      // were already read where the invocation stands (CrateSource's wrapper rule).
      String given = invocation == null ? "" : inner(invocation.text());
      String flat = RUNTIME_API_IMPL.matcher(given).find() ? "" : given.replaceAll("\\s+", " ");
      body = body.replaceAll("\\$\\(\\s*\\$" + capture + "\\s*\\)\\s*\\*", java.util.regex.Matcher.quoteReplacement(flat));
    }
    return body;
  }

  // The name bound by a pattern that takes every token (`$($x:tt)*`), else null.
  private static String captureAll(String pattern) {
    java.util.regex.Matcher m = CAPTURE_ALL.matcher(pattern.strip());
    return m.matches() ? m.group(1) : null;
  }

  /** The body token tree of the rule that matches {@code invocation} (for locating it), or the definition. */
  public SyntaxNode body(SyntaxNode invocation) {
    SyntaxNode rule = matchingRule(invocation);
    return rule == null ? node : rule.field("right");
  }

  private SyntaxNode matchingRule(SyntaxNode invocation) {
    String given = invocation == null ? "" : squeeze(inner(invocation.text()));
    for (SyntaxNode rule : node.namedChildren()) {
      if (!rule.type().equals("macro_rule") || rule.field("left") == null || rule.field("right") == null) {
        continue;
      }
      String pattern = inner(rule.field("left").text());
      if ((!pattern.contains("$") && squeeze(pattern).equals(given)) || captureAll(pattern) != null) {
        return rule;
      }
    }
    return null;
  }

  private static String inner(String delimited) {
    String t = delimited.strip();
    return t.length() >= 2 ? t.substring(1, t.length() - 1) : "";
  }

  private static String squeeze(String s) {
    return s.replaceAll("\\s+", "");
  }
}
