package io.parapipe.doctor.workspace;

import io.parapipe.doctor.cfg.Conditions;
import io.parapipe.doctor.rust.SyntaxNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the outer attributes in front of an item say: its {@code cfg} conditions, whether it is
 * test-only, a {@code #[path = "..."]} and whether it is marked as a FRAME runtime.
 *
 * @param conditions the {@code cfg} predicates
 * @param testOnly true under {@code cfg(test)}
 * @param path the {@code path} attribute, or null
 * @param runtimeMarker true for {@code #[frame_support::runtime]} / {@code #[runtime]}
 */
public record Attributes(Conditions conditions, boolean testOnly, String path, boolean runtimeMarker) {
  private static final Pattern PATH = Pattern.compile("^path\\s*=\\s*\"([^\"]+)\"$");

  /** Reads a list of {@code attribute_item} nodes. */
  public static Attributes of(List<SyntaxNode> attributeItems) {
    List<String> cfgs = new ArrayList<>();
    boolean test = false;
    String path = null;
    boolean runtime = false;
    for (SyntaxNode item : attributeItems) {
      String text = item.text().strip();
      if (!text.startsWith("#[") || !text.endsWith("]")) {
        continue;
      }
      String inner = text.substring(2, text.length() - 1).strip();
      if (inner.startsWith("cfg(") && inner.endsWith(")")) {
        String predicate = Conditions.canonical(inner.substring(4, inner.length() - 1));
        if (predicate.equals("test") || predicate.startsWith("all(test,") || predicate.startsWith("any(test,") || predicate.equals("doc")) {
          test = true;
        }
        cfgs.add(predicate);
      } else if (inner.equals("frame_support::runtime") || inner.equals("runtime") || inner.startsWith("frame_support::runtime(") || inner.startsWith("frame::runtime")) {
        runtime = true;
      } else {
        Matcher m = PATH.matcher(inner);
        if (m.matches()) {
          path = m.group(1);
        }
      }
    }
    return new Attributes(Conditions.of(cfgs), test, path, runtime);
  }
}
