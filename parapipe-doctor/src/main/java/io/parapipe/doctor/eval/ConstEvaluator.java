package io.parapipe.doctor.eval;

import io.parapipe.doctor.cfg.Conditions;

import io.parapipe.doctor.rust.RustParser;
import io.parapipe.doctor.rust.SyntaxNode;
import io.parapipe.doctor.workspace.CrateSource;
import io.parapipe.doctor.workspace.Definition;
import io.parapipe.doctor.workspace.ModuleScope;
import io.parapipe.doctor.workspace.Resolution;
import io.parapipe.doctor.workspace.Resolver;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BinaryOperator;
import java.util.regex.Pattern;

/**
 * Evaluates Rust constant expressions and types over the tree-sitter syntax tree: integer
 * arithmetic (exact, with u64 saturation for {@code saturating_*}), {@code as} casts,
 * {@code Weight::from_parts}, {@code Duration::from_millis}, {@code Perbill}, {@code ConstU32<..>}/
 * {@code ConstU64<..>}/{@code ConstBool<..>}, references to other constants (followed across
 * modules and crates of the repository) and {@code prod_or_fast!}. Every result is a list of
 * {@link Alternative}s, one per combination of {@code cfg} conditions; what cannot be evaluated
 * is a {@link Value.Unknown} with the reason, never a guess.
 */
public final class ConstEvaluator {
  private static final BigInteger U64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
  private static final Pattern SCREAMING = Pattern.compile("[A-Z][A-Z0-9_]*");
  private static final Set<String> CONST_WRAPPERS =
      Set.of("ConstU8", "ConstU16", "ConstU32", "ConstU64", "ConstU128", "ConstI8", "ConstI16", "ConstI32", "ConstI64", "ConstI128", "ConstBool", "ConstUint", "ConstInt");
  private static final int MAX_ALTERNATIVES = 16;
  // Definitions followed from one another at once (each hop recurses).
  private static final int MAX_CHAIN = 100;

  private final Resolver resolver;
  private final RustParser parser;
  private final Map<Definition, List<Alternative>> cache = new IdentityHashMap<>();
  private final Set<Definition> inProgress = new HashSet<>();
  // Generic parameters of the type aliases being expanded, innermost last; a definition's body
  // starts with an empty frame, so it never sees the parameters of an alias that uses it.
  private final Deque<Map<String, List<Alternative>>> typeParameters = new ArrayDeque<>();

  /** An evaluator resolving names with {@code resolver}. */
  public ConstEvaluator(Resolver resolver, RustParser parser) {
    this.resolver = resolver;
    this.parser = parser;
  }

  /** The origin of a node: its file, line and quoted line. */
  public static Origin originOf(SyntaxNode node) {
    return new Origin(node.file().relativePath(), node.line(), node.file().lineText(node.line()), null);
  }

  /** The value(s) of a definition, each under the definition's conditions. */
  public List<Alternative> evalDefinition(Definition d) {
    List<Alternative> cached = cache.get(d);
    if (cached != null) {
      return cached;
    }
    if (inProgress.size() >= MAX_CHAIN) {
      return single(new Value.Unknown("`" + d.name() + "` is reached through more than " + MAX_CHAIN + " definitions"), originOf(d.item()));
    }
    if (!inProgress.add(d)) {
      return single(new Value.Unknown("`" + d.name() + "` refers to itself"), originOf(d.item()));
    }
    typeParameters.push(Map.of());
    try {
      Origin here = originOf(d.item());
      List<Alternative> raw;
      if (d.body() == null) {
        raw = single(new Value.Unknown("`" + d.name() + "` has no value"), here);
      } else if (d.kind() == Definition.Kind.TYPE_ALIAS) {
        raw = evalType(d.body(), d.scope(), here);
      } else {
        raw = evalExpr(d.body(), d.scope(), here);
      }
      List<Alternative> out = new ArrayList<>();
      for (Alternative a : raw) {
        Alternative c = a.under(d.conditions());
        if (c.conditions().isContradictory()) {
          continue;
        }
        // Evidence points at this definition; a value written elsewhere is named in the note.
        Origin o = c.origin();
        if (o != null && !o.where().equals(here.where())) {
          String from = o.inRepository() ? o.where() : o.source();
          c = new Alternative(c.conditions(), c.value(), here.withNote("value from " + from));
        }
        out.add(c);
      }
      cache.put(d, out);
      return out;
    } finally {
      typeParameters.pop();
      inProgress.remove(d);
    }
  }

  /** Evaluates a name (path segments) as a value. */
  public List<Alternative> evalPath(ModuleScope scope, List<String> path, Origin context) {
    List<Alternative> parameter = typeParameter(path);
    if (parameter != null) {
      return parameter;
    }
    Resolution r = resolver.resolve(scope, path);
    String shown = String.join("::", path);
    if (r instanceof Resolution.Found f) {
      List<Alternative> out = new ArrayList<>();
      for (Resolution.Hit h : f.hits()) {
        for (Alternative a : evalDefinition(h.definition())) {
          Alternative c = a.under(h.via());
          if (!c.conditions().isContradictory()) {
            out.add(c);
          }
        }
      }
      return out;
    }
    if (r instanceof Resolution.External ext) {
      Alternative known = KnownConstants.lookup(ext.path());
      return known != null ? List.of(known) : single(new Value.Unknown("`" + String.join("::", ext.path()) + "` is defined outside this repository"), context);
    }
    if (r instanceof Resolution.ExternalGlob eg) {
      for (List<String> candidate : eg.candidates()) {
        Alternative known = KnownConstants.lookup(candidate);
        if (known != null) {
          return List.of(known);
        }
      }
      return single(new Value.Unknown("`" + shown + "` comes from a glob import of a crate outside this repository"), context);
    }
    if (r instanceof Resolution.Module) {
      return single(new Value.Unknown("`" + shown + "` is a module"), context);
    }
    String last = path.get(path.size() - 1);
    if (KnownConstants.isUniversal(last)) {
      return List.of(KnownConstants.lookup(List.of(last)));
    }
    if (path.size() == 1) {
      // Not reachable through imports the doctor follows: accept a unique definition in the crate.
      List<Definition> named = scope.crate().definitionsNamed(last);
      if (!named.isEmpty() && sameModule(named)) {
        List<Alternative> out = new ArrayList<>();
        for (Definition d : named) {
          for (Alternative a : evalDefinition(d)) {
            out.add(new Alternative(a.conditions(), a.value(), a.origin().note() == null ? a.origin().withNote("found by name: the import path was not followed") : a.origin()));
          }
        }
        return out;
      }
    }
    return single(new Value.Unknown("`" + shown + "` could not be resolved"), context);
  }

  private static boolean sameModule(List<Definition> defs) {
    ModuleScope first = defs.get(0).scope();
    for (Definition d : defs) {
      if (d.scope() != first) {
        return false;
      }
    }
    return true;
  }

  /** Evaluates a type (a {@code type} alias body, an associated type in an impl). */
  public List<Alternative> evalType(SyntaxNode type, ModuleScope scope, Origin context) {
    switch (type.type()) {
      case "type_identifier", "identifier", "scoped_type_identifier", "scoped_identifier" -> {
        List<String> segs = CrateSource.segments(type);
        List<Alternative> parameter = typeParameter(segs);
        if (parameter != null) {
          return parameter;
        }
        if (type.text().startsWith("<")) {
          return single(opaqueType(type, segs.get(segs.size() - 1)), context);
        }
        Resolution r = resolver.resolve(scope, segs);
        if (r instanceof Resolution.Found) {
          return evalPath(scope, segs, context);
        }
        String last = segs.get(segs.size() - 1);
        if (SCREAMING.matcher(last).matches()) {
          return evalPath(scope, segs, context);
        }
        return single(opaqueType(type, externalName(r, last)), context);
      }
      case "generic_type" -> {
        SyntaxNode base = type.field("type");
        SyntaxNode argsNode = type.field("type_arguments");
        List<String> segs = base == null ? List.of(type.text()) : CrateSource.segments(base);
        Resolution resolved = resolver.resolve(scope, segs);
        String name = externalName(resolved, segs.get(segs.size() - 1));
        List<SyntaxNode> args = new ArrayList<>();
        if (argsNode != null) {
          for (SyntaxNode a : argsNode.namedChildren()) {
            if (!a.type().equals("lifetime") && !a.type().endsWith("comment")) {
              args.add(a);
            }
          }
        }
        if (CONST_WRAPPERS.contains(name) && args.size() == 1) {
          return genericArg(args.get(0), scope, context);
        }
        Definition alias = genericAlias(resolved);
        if (alias != null) {
          return expandAlias(alias, args, scope, context);
        }
        List<List<Alternative>> evaluated = new ArrayList<>();
        for (SyntaxNode a : args) {
          evaluated.add(genericArg(a, scope, context));
        }
        String path = base == null ? name : base.text().replaceAll("\\s", "");
        List<Alternative> out = new ArrayList<>();
        for (List<Alternative> combo : combinations(evaluated)) {
          Conditions conds = Conditions.ALWAYS;
          List<Value.Argument> argValues = new ArrayList<>();
          for (Alternative a : combo) {
            conds = conds.and(a.conditions());
            argValues.add(new Value.Argument(a.value(), a.origin()));
          }
          if (!conds.isContradictory()) {
            out.add(new Alternative(conds, new Value.Type(name, path, List.copyOf(argValues)), context));
          }
        }
        return out;
      }
      case "unit_type" -> {
        return single(new Value.Type("()", "()", List.of()), context);
      }
      case "integer_literal", "boolean_literal", "block", "negative_literal" -> {
        return evalExpr(type, scope, context);
      }
      default -> {
        return single(new Value.Type(type.text().strip(), type.text().strip(), List.of()), context);
      }
    }
  }

  private List<Alternative> typeParameter(List<String> path) {
    if (path.size() != 1 || typeParameters.isEmpty()) {
      return null;
    }
    return typeParameters.peek().get(path.get(0));
  }

  // A generic type alias of the repository (`type Hook<T> = FixedVelocityConsensusHook<T, ..>;`).
  private static Definition genericAlias(Resolution r) {
    if (!(r instanceof Resolution.Found f) || f.hits().size() != 1) {
      return null;
    }
    Definition d = f.hits().get(0).definition();
    if (d.kind() != Definition.Kind.TYPE_ALIAS || d.body() == null || d.item().field("type_parameters") == null) {
      return null;
    }
    return d;
  }

  // `Alias<A, B>`: the alias body with its parameters bound to the arguments (evaluated here).
  private List<Alternative> expandAlias(Definition alias, List<SyntaxNode> args, ModuleScope scope, Origin context) {
    List<String> names = new ArrayList<>();
    for (SyntaxNode p : alias.item().field("type_parameters").namedChildren()) {
      String n = switch (p.type()) {
        case "type_identifier", "identifier" -> p.text();
        case "constrained_type_parameter" -> p.field("left") == null ? null : p.field("left").text();
        case "optional_type_parameter", "const_parameter", "type_parameter" -> p.field("name") == null ? null : p.field("name").text();
        default -> null;
      };
      if (n != null) {
        names.add(n.strip());
      }
    }
    Map<String, List<Alternative>> bound = new java.util.HashMap<>();
    for (int i = 0; i < names.size() && i < args.size(); i++) {
      bound.put(names.get(i), genericArg(args.get(i), scope, context));
    }
    if (!inProgress.add(alias)) {
      return unknown("`" + alias.name() + "` refers to itself", context);
    }
    typeParameters.push(bound);
    try {
      Origin here = originOf(alias.item());
      List<Alternative> out = new ArrayList<>();
      for (Alternative a : evalType(alias.body(), alias.scope(), here)) {
        Alternative c = a.under(alias.conditions());
        if (!c.conditions().isContradictory()) {
          out.add(c);
        }
      }
      return out;
    } finally {
      typeParameters.pop();
      inProgress.remove(alias);
    }
  }

  private static Value.Type opaqueType(SyntaxNode type, String name) {
    String text = type.text().replaceAll("\\s+", " ").strip();
    return new Value.Type(name, text, List.of());
  }

  // The real name of a type imported under an alias (`use x::Hook as H;` names `Hook`).
  private static String externalName(Resolution r, String fallback) {
    if (r instanceof Resolution.External ext && !ext.path().isEmpty()) {
      return ext.path().get(ext.path().size() - 1);
    }
    return fallback;
  }

  // A generic argument: a const (identifier, literal, block) or a type.
  private List<Alternative> genericArg(SyntaxNode arg, ModuleScope scope, Origin context) {
    return switch (arg.type()) {
      case "integer_literal", "boolean_literal", "block", "negative_literal", "binary_expression" -> evalExpr(arg, scope, context);
      default -> evalType(arg, scope, context);
    };
  }

  /** Evaluates an expression. Literals and computed values take {@code context} as origin. */
  public List<Alternative> evalExpr(SyntaxNode e, ModuleScope scope, Origin context) {
    switch (e.type()) {
      case "integer_literal" -> {
        BigInteger v = parseInt(e.text());
        return single(v == null ? new Value.Unknown("unreadable literal `" + e.text() + "`") : new Value.Int(v), context);
      }
      case "boolean_literal" -> {
        return single(new Value.Bool(e.text().equals("true")), context);
      }
      case "negative_literal" -> {
        BigInteger v = parseInt(e.text().substring(1).strip());
        return single(v == null ? new Value.Unknown("unreadable literal") : new Value.Int(v.negate()), context);
      }
      case "identifier", "scoped_identifier", "type_identifier", "scoped_type_identifier" -> {
        return evalPath(scope, CrateSource.segments(e), context);
      }
      case "parenthesized_expression" -> {
        List<SyntaxNode> inner = e.namedChildren();
        return inner.isEmpty() ? unknown("empty parentheses", context) : evalExpr(inner.get(0), scope, context);
      }
      case "block" -> {
        List<SyntaxNode> inner = e.namedChildren();
        for (int i = inner.size() - 1; i >= 0; i--) {
          if (!inner.get(i).type().endsWith("comment")) {
            return evalExpr(inner.get(i), scope, context);
          }
        }
        return unknown("empty block", context);
      }
      case "binary_expression" -> {
        return binary(e, scope, context);
      }
      case "unary_expression" -> {
        String op = e.text().strip().substring(0, 1);
        List<SyntaxNode> inner = e.namedChildren();
        if (inner.isEmpty()) {
          return unknown("unreadable expression", context);
        }
        return map(evalExpr(inner.get(0), scope, context), context, v -> {
          if (op.equals("-") && v instanceof Value.Int i) {
            return new Value.Int(i.value().negate());
          }
          if (op.equals("!") && v instanceof Value.Bool b) {
            return new Value.Bool(!b.value());
          }
          return new Value.Unknown("unsupported operator `" + op + "`");
        });
      }
      case "type_cast_expression" -> {
        SyntaxNode value = e.field("value");
        SyntaxNode type = e.field("type");
        String target = type == null ? "" : type.text().strip();
        return map(evalExpr(value, scope, context), context, v -> cast(v, target));
      }
      case "call_expression" -> {
        return call(e, scope, context);
      }
      case "macro_invocation" -> {
        return macro(e, scope, context);
      }
      default -> {
        return unknown("cannot evaluate `" + abbreviate(e.text()) + "`", context);
      }
    }
  }

  private List<Alternative> binary(SyntaxNode e, ModuleScope scope, Origin context) {
    SyntaxNode left = e.field("left");
    SyntaxNode right = e.field("right");
    String op = null;
    for (SyntaxNode c : e.children()) {
      if (!c.isNamed() && c.startByte() >= left.endByte() && c.endByte() <= right.startByte()) {
        op = c.text();
      }
    }
    if (op == null) {
      return unknown("unreadable operator", context);
    }
    String operator = op;
    return combine(evalExpr(left, scope, context), evalExpr(right, scope, context), context, (a, b) -> arithmetic(operator, a, b));
  }

  static Value arithmetic(String op, Value a, Value b) {
    if (a instanceof Value.Unknown) {
      return a;
    }
    if (b instanceof Value.Unknown) {
      return b;
    }
    if (a instanceof Value.Int x && b instanceof Value.Int y) {
      BigInteger l = x.value();
      BigInteger r = y.value();
      switch (op) {
        case "+": return new Value.Int(l.add(r));
        case "-": return new Value.Int(l.subtract(r));
        case "*": return new Value.Int(l.multiply(r));
        case "/": return r.signum() == 0 ? new Value.Unknown("division by zero") : new Value.Int(l.divide(r));
        case "%": return r.signum() == 0 ? new Value.Unknown("division by zero") : new Value.Int(l.mod(r.abs()));
        case "<<": return new Value.Int(l.shiftLeft(r.intValue()));
        case ">>": return new Value.Int(l.shiftRight(r.intValue()));
        case "&": return new Value.Int(l.and(r));
        case "|": return new Value.Int(l.or(r));
        case "^": return new Value.Int(l.xor(r));
        case "==": return new Value.Bool(l.equals(r));
        case "!=": return new Value.Bool(!l.equals(r));
        case "<": return new Value.Bool(l.compareTo(r) < 0);
        case "<=": return new Value.Bool(l.compareTo(r) <= 0);
        case ">": return new Value.Bool(l.compareTo(r) > 0);
        case ">=": return new Value.Bool(l.compareTo(r) >= 0);
        default: return new Value.Unknown("unsupported operator `" + op + "`");
      }
    }
    if (a instanceof Value.Bool x && b instanceof Value.Bool y) {
      switch (op) {
        case "&&": return new Value.Bool(x.value() && y.value());
        case "||": return new Value.Bool(x.value() || y.value());
        case "==": return new Value.Bool(x.value() == y.value());
        case "!=": return new Value.Bool(x.value() != y.value());
        default: return new Value.Unknown("unsupported operator `" + op + "` on booleans");
      }
    }
    if (a instanceof Value.Weight w && b instanceof Value.Weight v) {
      switch (op) {
        case "+": return new Value.Weight(w.refTime().add(v.refTime()), addOrNull(w.proofSize(), v.proofSize()));
        case "-": return new Value.Weight(w.refTime().subtract(v.refTime()).max(BigInteger.ZERO), subOrNull(w.proofSize(), v.proofSize()));
        default: return new Value.Unknown("unsupported operator `" + op + "` on weights");
      }
    }
    if (a instanceof Value.Weight w && b instanceof Value.Int n) {
      switch (op) {
        case "*": return scaleWeight(w, n.value(), BigInteger.ONE);
        case "/": return n.value().signum() == 0 ? new Value.Unknown("division by zero") : scaleWeight(w, BigInteger.ONE, n.value());
        default: return new Value.Unknown("unsupported operator `" + op + "` on a weight");
      }
    }
    if (a instanceof Value.Int n && b instanceof Value.Weight w && op.equals("*")) {
      return scaleWeight(w, n.value(), BigInteger.ONE);
    }
    if (op.equals("*") && (a instanceof Value.PerThing || b instanceof Value.PerThing)) {
      Value.PerThing p = a instanceof Value.PerThing pa ? pa : (Value.PerThing) b;
      Value other = a instanceof Value.PerThing ? b : a;
      if (other instanceof Value.Int n) {
        return new Value.Int(perThingMul(p, n.value()));
      }
      if (other instanceof Value.Weight w) {
        return new Value.Weight(perThingMul(p, w.refTime()), w.proofSize() == null ? null : perThingMul(p, w.proofSize()));
      }
    }
    return new Value.Unknown("unsupported operation `" + op + "` on " + kind(a) + " and " + kind(b));
  }

  // PerThing * n rounds to the nearest, preferring down (sp-arithmetic's default for `*`).
  private static BigInteger perThingMul(Value.PerThing p, BigInteger n) {
    BigInteger[] qr = p.parts().multiply(n).divideAndRemainder(p.denominator());
    return qr[1].shiftLeft(1).compareTo(p.denominator()) > 0 ? qr[0].add(BigInteger.ONE) : qr[0];
  }

  private static Value.Weight scaleWeight(Value.Weight w, BigInteger mul, BigInteger div) {
    return new Value.Weight(w.refTime().multiply(mul).divide(div), w.proofSize() == null ? null : w.proofSize().multiply(mul).divide(div));
  }

  private static BigInteger addOrNull(BigInteger a, BigInteger b) {
    return a == null || b == null ? null : a.add(b);
  }

  private static BigInteger subOrNull(BigInteger a, BigInteger b) {
    return a == null || b == null ? null : a.subtract(b).max(BigInteger.ZERO);
  }

  private static String kind(Value v) {
    return v.getClass().getSimpleName().toLowerCase(Locale.ROOT);
  }

  private static Value cast(Value v, String target) {
    if (!(v instanceof Value.Int i)) {
      return v instanceof Value.Unknown ? v : new Value.Unknown("cannot cast " + kind(v) + " to " + target);
    }
    int bits = switch (target) {
      case "u8", "i8" -> 8;
      case "u16", "i16" -> 16;
      case "u32", "i32" -> 32;
      case "u64", "i64", "usize", "isize" -> 64;
      case "u128", "i128" -> 128;
      default -> -1;
    };
    if (bits < 0) {
      return new Value.Unknown("cast to `" + target + "`");
    }
    BigInteger modulus = BigInteger.ONE.shiftLeft(bits);
    BigInteger r = i.value().mod(modulus);
    if (target.startsWith("i") && r.testBit(bits - 1)) {
      r = r.subtract(modulus);
    }
    return new Value.Int(r);
  }

  private List<Alternative> call(SyntaxNode e, ModuleScope scope, Origin context) {
    SyntaxNode function = e.field("function");
    SyntaxNode argsNode = e.field("arguments");
    List<SyntaxNode> args = new ArrayList<>();
    if (argsNode != null) {
      for (SyntaxNode a : argsNode.namedChildren()) {
        if (!a.type().endsWith("comment")) {
          args.add(a);
        }
      }
    }
    if (function == null) {
      return unknown("unreadable call", context);
    }
    if (function.type().equals("field_expression")) {
      SyntaxNode receiver = function.field("value");
      SyntaxNode method = function.field("field");
      return method(receiver, method == null ? "" : method.text(), args, scope, context);
    }
    if (function.type().equals("scoped_identifier")) {
      List<String> segs = CrateSource.segments(function);
      String fn = segs.get(segs.size() - 1);
      String owner = segs.size() >= 2 ? segs.get(segs.size() - 2) : "";
      if (fn.equals("get") && args.isEmpty() && segs.size() >= 2) {
        return evalPath(scope, segs.subList(0, segs.size() - 1), context);
      }
      List<List<Alternative>> values = new ArrayList<>();
      for (SyntaxNode a : args) {
        values.add(evalExpr(a, scope, context));
      }
      return constructor(owner, fn, values, context);
    }
    return unknown("cannot evaluate call `" + abbreviate(e.text()) + "`", context);
  }

  private List<Alternative> constructor(String owner, String fn, List<List<Alternative>> args, Origin context) {
    BigInteger microsPer = switch (fn) {
      case "from_secs" -> BigInteger.valueOf(1_000_000);
      case "from_millis" -> BigInteger.valueOf(1_000);
      case "from_micros" -> BigInteger.ONE;
      default -> null;
    };
    List<Alternative> out = new ArrayList<>();
    for (List<Alternative> combo : combinations(args)) {
      Conditions conds = Conditions.ALWAYS;
      List<Value> vs = new ArrayList<>();
      for (Alternative a : combo) {
        conds = conds.and(a.conditions());
        vs.add(a.value());
      }
      if (conds.isContradictory()) {
        continue;
      }
      Value result;
      Value unknownArg = vs.stream().filter(v -> v instanceof Value.Unknown).findFirst().orElse(null);
      if (owner.equals("Weight") && fn.equals("from_parts") && vs.size() == 2) {
        result = vs.get(0) instanceof Value.Int r
            ? new Value.Weight(r.value(), vs.get(1) instanceof Value.Int p ? p.value() : null)
            : unknownArg != null ? unknownArg : new Value.Unknown("Weight::from_parts of non-integers");
      } else if (owner.equals("Weight") && (fn.equals("from_ref_time") || fn.equals("from_all")) && vs.size() == 1) {
        result = vs.get(0) instanceof Value.Int r
            ? new Value.Weight(r.value(), fn.equals("from_all") ? r.value() : BigInteger.ZERO)
            : unknownArg != null ? unknownArg : new Value.Unknown("Weight::" + fn + " of a non-integer");
      } else if (owner.equals("Duration") && microsPer != null && vs.size() == 1) {
        result = vs.get(0) instanceof Value.Int r ? new Value.Duration(r.value().multiply(microsPer)) : unknownArg != null ? unknownArg : new Value.Unknown("Duration of a non-integer");
      } else if (perThingDenominator(owner) != null && vs.size() == 1 && vs.get(0) instanceof Value.Int r) {
        BigInteger den = perThingDenominator(owner);
        result = switch (fn) {
          case "from_percent" -> new Value.PerThing(owner, r.value().multiply(den).divide(BigInteger.valueOf(100)), den);
          case "from_perthousand" -> new Value.PerThing(owner, r.value().multiply(den).divide(BigInteger.valueOf(1000)), den);
          case "from_parts" -> new Value.PerThing(owner, r.value(), den);
          default -> new Value.Unknown(owner + "::" + fn);
        };
      } else if (fn.equals("from") && vs.size() == 1 && isIntegerType(owner)) {
        result = vs.get(0);
      } else if ((fn.equals("max") || fn.equals("min")) && vs.size() == 2 && vs.get(0) instanceof Value.Int a && vs.get(1) instanceof Value.Int b) {
        result = new Value.Int(fn.equals("max") ? a.value().max(b.value()) : a.value().min(b.value()));
      } else {
        result = unknownArg != null ? unknownArg : new Value.Unknown("cannot evaluate `" + owner + "::" + fn + "(..)`");
      }
      out.add(new Alternative(conds, result, context));
    }
    return cap(out, context);
  }

  private static boolean isIntegerType(String t) {
    return t.matches("[ui](8|16|32|64|128|size)");
  }

  private static BigInteger perThingDenominator(String owner) {
    return switch (owner) {
      case "Perbill" -> BigInteger.valueOf(1_000_000_000L);
      case "Permill" -> BigInteger.valueOf(1_000_000L);
      case "Percent" -> BigInteger.valueOf(100L);
      case "Perquintill" -> BigInteger.TEN.pow(18);
      default -> null;
    };
  }

  private List<Alternative> method(SyntaxNode receiver, String name, List<SyntaxNode> args, ModuleScope scope, Origin context) {
    List<Alternative> recv = evalExpr(receiver, scope, context);
    if (args.isEmpty()) {
      return map(recv, context, v -> unaryMethod(v, name));
    }
    if (args.size() != 1) {
      return unknown("cannot evaluate `." + name + "(..)`", context);
    }
    return combine(recv, evalExpr(args.get(0), scope, context), context, (a, b) -> binaryMethod(a, name, b));
  }

  private static Value unaryMethod(Value v, String name) {
    if (v instanceof Value.Unknown) {
      return v;
    }
    switch (name) {
      case "into", "clone", "to_owned", "unwrap", "get":
        return v;
      case "ref_time":
        return v instanceof Value.Weight w ? new Value.Int(w.refTime()) : new Value.Unknown(".ref_time() of " + kind(v));
      case "proof_size":
        return v instanceof Value.Weight w && w.proofSize() != null ? new Value.Int(w.proofSize()) : new Value.Unknown(".proof_size() unknown");
      case "as_millis":
        return v instanceof Value.Duration d ? new Value.Int(d.micros().divide(BigInteger.valueOf(1000))) : new Value.Unknown(".as_millis() of " + kind(v));
      case "as_secs":
        return v instanceof Value.Duration d ? new Value.Int(d.micros().divide(BigInteger.valueOf(1_000_000))) : new Value.Unknown(".as_secs() of " + kind(v));
      default:
        return new Value.Unknown("cannot evaluate `." + name + "()`");
    }
  }

  static Value binaryMethod(Value a, String name, Value b) {
    if (a instanceof Value.Unknown) {
      return a;
    }
    if (b instanceof Value.Unknown && !name.equals("set_proof_size")) {
      return b;
    }
    if (a instanceof Value.Int x && b instanceof Value.Int y) {
      BigInteger l = x.value();
      BigInteger r = y.value();
      return switch (name) {
        case "saturating_mul" -> new Value.Int(l.multiply(r).min(U64_MAX));
        case "saturating_add" -> new Value.Int(l.add(r).min(U64_MAX));
        case "saturating_sub" -> new Value.Int(l.subtract(r).max(BigInteger.ZERO));
        case "saturating_div", "div", "checked_div" -> r.signum() == 0 ? new Value.Unknown("division by zero") : new Value.Int(l.divide(r));
        case "saturating_pow", "pow" -> new Value.Int(l.pow(r.intValue()).min(name.startsWith("saturating") ? U64_MAX : l.pow(r.intValue())));
        case "max" -> new Value.Int(l.max(r));
        case "min" -> new Value.Int(l.min(r));
        case "mul", "checked_mul" -> new Value.Int(l.multiply(r));
        case "add", "checked_add" -> new Value.Int(l.add(r));
        case "sub" -> new Value.Int(l.subtract(r));
        default -> new Value.Unknown("cannot evaluate `." + name + "(..)`");
      };
    }
    if (a instanceof Value.Weight w) {
      switch (name) {
        case "set_proof_size":
          return new Value.Weight(w.refTime(), b instanceof Value.Int p ? p.value() : null);
        case "set_ref_time":
          return b instanceof Value.Int r ? new Value.Weight(r.value(), w.proofSize()) : b;
        case "saturating_mul":
          return b instanceof Value.Int n ? scaleWeight(w, n.value(), BigInteger.ONE) : new Value.Unknown("weight times " + kind(b));
        case "saturating_div":
          return b instanceof Value.Int n && n.value().signum() != 0 ? scaleWeight(w, BigInteger.ONE, n.value()) : new Value.Unknown("weight divided by " + kind(b));
        case "saturating_add":
          return arithmetic("+", a, b);
        case "saturating_sub":
          return arithmetic("-", a, b);
        default:
          return new Value.Unknown("cannot evaluate `." + name + "(..)` on a weight");
      }
    }
    return new Value.Unknown("cannot evaluate `." + name + "(..)` on " + kind(a));
  }

  private List<Alternative> macro(SyntaxNode e, ModuleScope scope, Origin context) {
    SyntaxNode nameNode = e.field("macro");
    String name = nameNode == null ? "?" : nameNode.text().replaceAll(".*::", "");
    SyntaxNode tokens = e.firstNamed("token_tree");
    if (name.equals("prod_or_fast") && tokens != null) {
      SyntaxNode tuple = parser.parseMacroArguments(tokens);
      List<SyntaxNode> parts = new ArrayList<>();
      if (tuple != null) {
        for (SyntaxNode p : tuple.namedChildren()) {
          if (!p.type().endsWith("comment")) {
            parts.add(p);
          }
        }
      }
      if (parts.size() >= 2) {
        String fast = Conditions.canonical("feature = \"fast-runtime\"");
        List<Alternative> out = new ArrayList<>();
        for (Alternative a : evalExpr(parts.get(0), scope, context)) {
          out.add(a.under(Conditions.of(List.of("not(" + fast + ")"))));
        }
        for (Alternative a : evalExpr(parts.get(1), scope, context)) {
          out.add(a.under(Conditions.of(List.of(fast))));
        }
        return out;
      }
    }
    return unknown("value produced by macro `" + name + "!`", context);
  }

  /** Parses a Rust integer literal (underscores, radix prefixes, type suffixes). */
  static BigInteger parseInt(String text) {
    String t = text.replace("_", "").strip();
    t = t.replaceFirst("(?i)(u8|u16|u32|u64|u128|usize|i8|i16|i32|i64|i128|isize)$", "");
    try {
      if (t.startsWith("0x") || t.startsWith("0X")) {
        return new BigInteger(t.substring(2), 16);
      }
      if (t.startsWith("0o")) {
        return new BigInteger(t.substring(2), 8);
      }
      if (t.startsWith("0b")) {
        return new BigInteger(t.substring(2), 2);
      }
      return new BigInteger(t);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static List<Alternative> single(Value v, Origin origin) {
    return List.of(new Alternative(Conditions.ALWAYS, v, origin));
  }

  private static List<Alternative> unknown(String reason, Origin origin) {
    return single(new Value.Unknown(reason), origin);
  }

  private static List<Alternative> map(List<Alternative> in, Origin context, java.util.function.UnaryOperator<Value> f) {
    List<Alternative> out = new ArrayList<>();
    for (Alternative a : in) {
      out.add(new Alternative(a.conditions(), f.apply(a.value()), context));
    }
    return out;
  }

  private static List<Alternative> combine(List<Alternative> left, List<Alternative> right, Origin context, BinaryOperator<Value> f) {
    List<Alternative> out = new ArrayList<>();
    for (Alternative l : left) {
      for (Alternative r : right) {
        Conditions c = l.conditions().and(r.conditions());
        if (!c.isContradictory()) {
          out.add(new Alternative(c, f.apply(l.value(), r.value()), context));
        }
      }
    }
    return cap(out, context);
  }

  private static List<Alternative> cap(List<Alternative> out, Origin context) {
    if (out.size() > MAX_ALTERNATIVES) {
      return unknown("too many cfg combinations (" + out.size() + ")", context);
    }
    return out;
  }

  private static List<List<Alternative>> combinations(List<List<Alternative>> lists) {
    List<List<Alternative>> out = new ArrayList<>();
    out.add(List.of());
    for (List<Alternative> options : lists) {
      List<List<Alternative>> next = new ArrayList<>();
      for (List<Alternative> prefix : out) {
        for (Alternative o : options) {
          List<Alternative> extended = new ArrayList<>(prefix);
          extended.add(o);
          next.add(extended);
        }
      }
      out = next;
      if (out.size() > MAX_ALTERNATIVES) {
        return out.subList(0, MAX_ALTERNATIVES);
      }
    }
    return out;
  }

  private static String abbreviate(String text) {
    String t = text.replaceAll("\\s+", " ").strip();
    return t.length() > 60 ? t.substring(0, 57) + "..." : t;
  }
}
