package io.parapipe.doctor.workspace;

import io.parapipe.doctor.cfg.Conditions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Resolves paths the way rustc does for the cases runtimes use: local definitions, child
 * modules, {@code use} bindings (including re-exports), globs, {@code crate}/{@code self}/
 * {@code super}, and crates of the same repository by name. Paths into crates outside the
 * repository come back as {@link Resolution.External}.
 */
public final class Resolver {
  private static final int MAX_DEPTH = 40;
  private final Workspace workspace;
  private final Set<Key> inProgress = new HashSet<>();

  // Identity of a (module, name) lookup in progress; modules compare by identity.
  private record Key(ModuleScope module, String name) {}

  /** A resolver over the crates of a workspace. */
  public Resolver(Workspace workspace) {
    this.workspace = workspace;
  }

  /** Resolves a path as written in {@code scope}. */
  public Resolution resolve(ModuleScope scope, List<String> segments) {
    return resolvePath(scope, segments, 0);
  }

  private Resolution resolvePath(ModuleScope from, List<String> segs, int depth) {
    if (segs.isEmpty() || depth > MAX_DEPTH) {
      return new Resolution.Missing();
    }
    String head = segs.get(0);
    ModuleScope m;
    int i;
    switch (head) {
      case "crate", "$crate" -> {
        m = from.root();
        i = 1;
      }
      case "self" -> {
        m = from;
        i = 1;
      }
      case "super" -> {
        m = from;
        i = 0;
        while (i < segs.size() && segs.get(i).equals("super")) {
          m = m.parent();
          if (m == null) {
            return new Resolution.Missing();
          }
          i++;
        }
      }
      default -> {
        Resolution r = lookupName(from, head, depth + 1);
        if (segs.size() == 1) {
          return r;
        }
        if (r instanceof Resolution.Module mod) {
          m = mod.module();
          i = 1;
        } else if (r instanceof Resolution.External ext) {
          List<String> full = new ArrayList<>(ext.path());
          full.addAll(segs.subList(1, segs.size()));
          return new Resolution.External(full);
        } else if (r instanceof Resolution.Missing || r instanceof Resolution.ExternalGlob) {
          return new Resolution.External(List.copyOf(segs));
        } else {
          return new Resolution.Missing();
        }
      }
    }
    if (i >= segs.size()) {
      return new Resolution.Module(m);
    }
    for (; i < segs.size() - 1; i++) {
      Resolution r = lookupIn(m, segs.get(i), depth + 1);
      if (r instanceof Resolution.Module mod) {
        m = mod.module();
      } else if (r instanceof Resolution.External ext) {
        List<String> full = new ArrayList<>(ext.path());
        full.addAll(segs.subList(i + 1, segs.size()));
        return new Resolution.External(full);
      } else {
        return new Resolution.Missing();
      }
    }
    return lookupIn(m, segs.get(segs.size() - 1), depth + 1);
  }

  // A name used inside `scope`: its items, then other crates of the repository. A crate of the
  // repository wins over a glob import of an outside crate that merely might provide the name.
  private Resolution lookupName(ModuleScope scope, String name, int depth) {
    Resolution r = lookupIn(scope, name, depth);
    if (!(r instanceof Resolution.Missing) && !(r instanceof Resolution.ExternalGlob)) {
      return r;
    }
    CrateInfo other = workspace.crateFor(scope.crate().info(), name);
    if (other != null) {
      CrateSource src = workspace.source(other);
      if (src.root() != null) {
        return new Resolution.Module(src.root());
      }
    }
    return r;
  }

  // A name as an item of module `m`: definitions, child modules, use bindings, globs.
  private Resolution lookupIn(ModuleScope m, String name, int depth) {
    if (depth > MAX_DEPTH) {
      return new Resolution.Missing();
    }
    Key key = new Key(m, name);
    if (!inProgress.add(key)) {
      return new Resolution.Missing(); // an import cycle (e.g. `use super::*` both ways)
    }
    try {
      return lookupInUnguarded(m, name, depth);
    } finally {
      inProgress.remove(key);
    }
  }

  private Resolution lookupInUnguarded(ModuleScope m, String name, int depth) {
    List<Definition> defs = m.definitions(name);
    if (!defs.isEmpty()) {
      List<Resolution.Hit> hits = new ArrayList<>();
      defs.forEach(d -> hits.add(new Resolution.Hit(d, Conditions.ALWAYS)));
      return new Resolution.Found(hits);
    }
    ModuleScope child = m.child(name);
    if (child != null) {
      return new Resolution.Module(child);
    }
    List<UseBinding> bindings = m.uses(name);
    if (!bindings.isEmpty()) {
      List<Resolution.Hit> hits = new ArrayList<>();
      Resolution single = null;
      for (UseBinding b : bindings) {
        Resolution r = resolvePath(b.scope(), b.path(), depth + 1);
        if (r instanceof Resolution.Found f) {
          f.hits().forEach(h -> hits.add(new Resolution.Hit(h.definition(), h.via().and(b.conditions()))));
        } else if (single == null) {
          single = r;
        }
      }
      if (!hits.isEmpty()) {
        return new Resolution.Found(hits);
      }
      return single;
    }
    List<List<String>> externalGlobs = new ArrayList<>();
    for (UseBinding glob : m.globs()) {
      if (glob.path().isEmpty()) {
        continue;
      }
      Resolution target = resolvePath(glob.scope(), glob.path(), depth + 1);
      if (target instanceof Resolution.Module gm && gm.module() != m) {
        Resolution r = lookupIn(gm.module(), name, depth + 1);
        if (r instanceof Resolution.Found f) {
          List<Resolution.Hit> hits = new ArrayList<>();
          f.hits().forEach(h -> hits.add(new Resolution.Hit(h.definition(), h.via().and(glob.conditions()))));
          return new Resolution.Found(hits);
        }
        if (r instanceof Resolution.Module || r instanceof Resolution.External) {
          return r;
        }
        if (r instanceof Resolution.ExternalGlob eg) {
          externalGlobs.addAll(eg.candidates());
        }
      } else if (target instanceof Resolution.External ext) {
        List<String> candidate = new ArrayList<>(ext.path());
        candidate.add(name);
        externalGlobs.add(candidate);
      }
    }
    if (!externalGlobs.isEmpty()) {
      return new Resolution.ExternalGlob(externalGlobs);
    }
    return new Resolution.Missing();
  }
}
