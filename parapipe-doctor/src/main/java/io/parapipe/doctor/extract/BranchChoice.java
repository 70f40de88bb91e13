package io.parapipe.doctor.extract;

import io.parapipe.doctor.eval.ConstEvaluator;
import io.parapipe.doctor.eval.Origin;
import io.parapipe.doctor.rust.ParsedText;
import io.parapipe.doctor.rust.SyntaxNode;
import io.parapipe.doctor.workspace.CrateSource;
import io.parapipe.doctor.workspace.ModuleScope;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether a collator start inside {@code if flag { .. } else { .. }} runs, when {@code flag} is a
 * parameter of the enclosing function and every call of that function in the node passes the
 * same boolean literal (directly, or through parameters of its callers, four calls deep). Moonbeam
 * starts the lookahead or the basic collator on an {@code async_backing} parameter that its CLI
 * passes as {@code true}.
 */
final class BranchChoice {
  private static final int MAX_CALLERS = 4;

  /**
   * The decision for a call.
   *
   * @param runs whether the start runs
   * @param reason how it was decided (the parameter, the calls that set it)
   */
  record Decision(boolean runs, String reason) {}

  private final List<CrateSource> node;

  BranchChoice(List<CrateSource> node) {
    this.node = node;
  }

  /** The decision for a collator start, or null when it does not hang on such a parameter. */
  Decision decide(SyntaxNode call) {
    for (SyntaxNode at = call; at != null; at = at.parent()) {
      SyntaxNode parent = at.parent();
      if (parent == null || at.type().equals("function_item")) {
        return null;
      }
      if (!parent.type().equals("if_expression")) {
        continue;
      }
      SyntaxNode condition = parent.field("condition");
      boolean inThen = at.equals(parent.field("consequence"));
      boolean inElse = !inThen && parent.field("alternative") != null && at.startByte() >= parent.field("alternative").startByte();
      if (condition == null || !condition.type().equals("identifier") || !(inThen || inElse)) {
        continue;
      }
      Value v = value(parent, condition.text(), MAX_CALLERS);
      if (v == null) {
        return null;
      }
      boolean runs = inThen == v.value;
      return new Decision(runs, "`" + condition.text() + "` is " + v.value + " wherever " + v.path + " is called (" + v.at.where() + ")");
    }
    return null;
  }

  private record Value(boolean value, String path, Origin at) {}

  // The value the parameter `name` of the function around `at` has at every call, or null.
  private Value value(SyntaxNode at, String name, int depth) {
    SyntaxNode function = at.type().equals("function_item") ? at : at.ancestor("function_item");
    if (function == null || function.field("name") == null || depth == 0) {
      return null;
    }
    int index = parameterIndex(function, name);
    if (index < 0) {
      return null;
    }
    String fn = function.field("name").text();
    int arity = parameterCount(function);
    Value found = null;
    for (SyntaxNode call : callsOf(fn)) {
      List<SyntaxNode> args = arguments(call);
      if (args.size() != arity) {
        continue; // another function of the same name (a standalone node's `new_full`)
      }
      SyntaxNode arg = args.get(index);
      Value v;
      if (arg.type().equals("boolean_literal")) {
        v = new Value(arg.text().strip().equals("true"), "`" + fn + "`", ConstEvaluator.originOf(arg));
      } else if (arg.type().equals("identifier")) {
        Value up = value(call, arg.text(), depth - 1);
        v = up == null ? null : new Value(up.value, up.path + " → `" + fn + "`", up.at);
      } else {
        v = null;
      }
      if (v == null || (found != null && found.value != v.value)) {
        return null;
      }
      found = found == null ? v : found;
    }
    return found;
  }

  private static int parameterCount(SyntaxNode function) {
    SyntaxNode params = function.field("parameters");
    return params == null ? 0 : (int) params.namedChildren().stream().filter(p -> p.type().equals("parameter")).count();
  }

  private static int parameterIndex(SyntaxNode function, String name) {
    SyntaxNode params = function.field("parameters");
    if (params == null) {
      return -1;
    }
    int i = 0;
    for (SyntaxNode p : params.namedChildren()) {
      if (!p.type().equals("parameter")) {
        continue;
      }
      SyntaxNode pattern = p.field("pattern");
      if (pattern != null && pattern.text().strip().equals(name)) {
        return i;
      }
      i++;
    }
    return -1;
  }

  private List<SyntaxNode> callsOf(String fn) {
    List<SyntaxNode> out = new ArrayList<>();
    for (CrateSource crate : node) {
      for (ModuleScope m : crate.modules()) {
        for (ParsedText t : m.texts()) {
          for (SyntaxNode call : t.root().descendants("call_expression")) {
            SyntaxNode f = call.field("function");
            if (f != null && f.type().equals("generic_function")) {
              f = f.field("function");
            }
            if (f == null) {
              continue;
            }
            String last = f.type().equals("scoped_identifier") && f.field("name") != null ? f.field("name").text() : f.text();
            if (last.equals(fn)) {
              out.add(call);
            }
          }
        }
      }
    }
    return out;
  }

  private static List<SyntaxNode> arguments(SyntaxNode call) {
    List<SyntaxNode> out = new ArrayList<>();
    SyntaxNode args = call.field("arguments");
    if (args != null) {
      for (SyntaxNode a : args.namedChildren()) {
        if (!a.type().endsWith("comment") && !a.type().equals("attribute_item")) {
          out.add(a);
        }
      }
    }
    return out;
  }
}
