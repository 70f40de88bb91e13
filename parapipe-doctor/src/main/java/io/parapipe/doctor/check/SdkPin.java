package io.parapipe.doctor.check;

import io.parapipe.doctor.eval.Origin;
import io.parapipe.doctor.workspace.CargoManifest;
import io.parapipe.doctor.workspace.CrateInfo;
import io.parapipe.doctor.workspace.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A git pin of polkadot-sdk (or the older cumulus/polkadot/substrate repositories) to a
 * {@code polkadot-v1.x.y} branch or tag in a {@code Cargo.toml}.
 *
 * @param ref the branch or tag
 * @param major the major version
 * @param minor the minor version
 * @param origin where it is pinned
 */
public record SdkPin(String ref, int major, int minor, Origin origin) {
  private static final Pattern VERSION = Pattern.compile("polkadot-v(\\d+)\\.(\\d+)(?:\\.\\d+)?");

  /** True for releases before async backing was usable (v1.1 and older, v0.9.x). */
  public boolean predatesAsyncBacking() {
    return major == 0 || (major == 1 && minor <= 1);
  }

  /** The pins of all manifests of the repository, one per distinct ref (first occurrence). */
  public static List<SdkPin> find(Workspace workspace) {
    List<CargoManifest> manifests = new ArrayList<>();
    for (CrateInfo c : workspace.crates()) {
      manifests.add(c.manifest());
    }
    for (CargoManifest m : workspace.workspaceManifests()) {
      if (!manifests.contains(m)) {
        manifests.add(m);
      }
    }
    Map<String, SdkPin> out = new LinkedHashMap<>();
    for (CargoManifest m : manifests) {
      List<CargoManifest.Dependency> deps = new ArrayList<>(m.dependencies().values());
      deps.addAll(m.workspaceDependencies().values());
      for (CargoManifest.Dependency d : deps) {
        for (String ref : new String[] {d.branch(), d.tag()}) {
          if (ref == null || out.containsKey(ref)) {
            continue;
          }
          Matcher v = VERSION.matcher(ref);
          if (v.find()) {
            String rel = workspace.root().relativize(m.path()).toString().replace('\\', '/');
            out.put(ref, new SdkPin(ref, Integer.parseInt(v.group(1)), Integer.parseInt(v.group(2)), locate(m, rel, ref)));
          }
        }
      }
    }
    return List.copyOf(out.values());
  }

  private static Origin locate(CargoManifest m, String rel, String ref) {
    try {
      List<String> lines = Files.readAllLines(m.path());
      for (int i = 0; i < lines.size(); i++) {
        if (lines.get(i).contains(ref)) {
          return new Origin(rel, i + 1, lines.get(i).strip(), null);
        }
      }
    } catch (IOException e) {
      // fall through: the pin is still reported, without a line
    }
    return new Origin(rel, 0, "", null);
  }
}
