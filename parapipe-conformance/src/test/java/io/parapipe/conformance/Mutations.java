package io.parapipe.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Iterator;
import java.util.Map;

/** Deliberate changes to a vector's expectation, for the mutation sanity checks. */
final class Mutations {
  private Mutations() {}

  /**
   * Changes the first leaf of an operation's {@code expect} or {@code expect_error} (a number
   * grows by one, a boolean flips, a string gets a suffix, null becomes a string); an expectation
   * without leaves gets a field the outcome cannot have.
   */
  static void alterExpectation(ObjectNode op) {
    JsonNode target = op.has("expect") ? op.get("expect") : op.get("expect_error");
    if (!alterFirstLeaf(target)) {
      ((ObjectNode) target).put("mutated_field", true);
    }
  }

  private static boolean alterFirstLeaf(JsonNode node) {
    if (node instanceof ObjectNode o) {
      Iterator<Map.Entry<String, JsonNode>> it = o.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        JsonNode v = e.getValue();
        if (v.isContainerNode()) {
          if (alterFirstLeaf(v)) {
            return true;
          }
        } else {
          o.set(e.getKey(), altered(v));
          return true;
        }
      }
      return false;
    }
    if (node instanceof ArrayNode a) {
      for (int i = 0; i < a.size(); i++) {
        JsonNode v = a.get(i);
        if (v.isContainerNode()) {
          if (alterFirstLeaf(v)) {
            return true;
          }
        } else {
          a.set(i, altered(v));
          return true;
        }
      }
    }
    return false;
  }

  private static JsonNode altered(JsonNode v) {
    if (v.isBoolean()) {
      return BooleanNode.valueOf(!v.booleanValue());
    }
    if (v.isIntegralNumber()) {
      return LongNode.valueOf(v.longValue() + 1);
    }
    if (v.isTextual()) {
      return TextNode.valueOf(v.textValue() + "_mutated");
    }
    return TextNode.valueOf("mutated");
  }
}
