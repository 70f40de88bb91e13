package io.parapipe.protocol.relay.runtime;

import io.parapipe.protocol.primitives.CoreIndex;
import io.parapipe.protocol.primitives.GroupIndex;
import io.parapipe.protocol.primitives.ValidatorIndex;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The validator group serving each core of a block's claim queue, after group rotation, and the
 * core each validator's group serves: what backing at that relay parent needs of the groups.
 * Every validator needs the same, so {@link RuntimeApi#backingGroups} computes it once per block
 * (each validator building its own was a network-wide V² of map entries per block).
 */
public final class BackingGroups {
  private final Map<CoreIndex, List<ValidatorIndex>> groupsByCore;
  // By validator index (null: in no group serving a core).
  private final CoreIndex[] coreOfValidator;

  /**
   * @param groups the session's validator groups and their rotation
   * @param cores the cores of the claim queue
   */
  public BackingGroups(ValidatorGroupsView groups, Set<CoreIndex> cores) {
    Map<CoreIndex, List<ValidatorIndex>> byCore = new TreeMap<>();
    CoreIndex[] coreOf = new CoreIndex[0];
    int nCores = groups.groups().size();
    for (CoreIndex c : cores) {
      if (nCores == 0) {
        break;
      }
      GroupIndex g = groups.rotationInfo().groupForCore(c, nCores);
      List<ValidatorIndex> members = groups.groups().get(g.value());
      byCore.put(c, members);
      for (ValidatorIndex v : members) {
        if (v.value() >= coreOf.length) {
          coreOf = Arrays.copyOf(coreOf, Math.max(v.value() + 1, 2 * coreOf.length));
        }
        coreOf[v.value()] = c;
      }
    }
    this.groupsByCore = Collections.unmodifiableMap(byCore);
    this.coreOfValidator = coreOf;
  }

  /** The core whose group {@code validator} belongs to, or null. */
  public CoreIndex coreOf(int validator) {
    return validator >= 0 && validator < coreOfValidator.length ? coreOfValidator[validator] : null;
  }

  /** The group serving {@code core}, in group order; null if none does. */
  public List<ValidatorIndex> group(CoreIndex core) {
    return groupsByCore.get(core);
  }
}
