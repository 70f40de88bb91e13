package io.parapipe.protocol.relay.node.backing;

import io.parapipe.protocol.primitives.CoreIndex;
import io.parapipe.protocol.primitives.GroupIndex;
import io.parapipe.protocol.primitives.ValidatorIndex;
import io.parapipe.protocol.relay.runtime.ValidatorGroupsView;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Who backs what at one relay parent (upstream backing's {@code TableContext}): the group
 * serving each core of the claim queue, after group rotation, and this validator's place in them.
 * Groups are keyed by core, as upstream's are since elastic scaling.
 */
public final class TableContext implements StatementTable.Context {
  private final int localIndex;
  private final CoreIndex assignedCore;
  private final Map<CoreIndex, List<ValidatorIndex>> groupsByCore = new TreeMap<>();
  // By validator index (null: in no group serving a core). Every validator keeps a context per
  // relay parent in view, so a map of boxed indices cost a network V² map entries.
  private CoreIndex[] coreOfValidator = new CoreIndex[0];

  /**
   * @param localIndex this validator's index in the session, or -1 if it is not a validator
   * @param groups the session's validator groups and their rotation
   * @param cores the cores of the claim queue
   */
  public TableContext(int localIndex, ValidatorGroupsView groups, Set<CoreIndex> cores) {
    this.localIndex = localIndex;
    int nCores = groups.groups().size();
    CoreIndex mine = null;
    for (CoreIndex c : cores) {
      if (nCores == 0) {
        break;
      }
      GroupIndex g = groups.rotationInfo().groupForCore(c, nCores);
      List<ValidatorIndex> members = groups.groups().get(g.value());
      groupsByCore.put(c, members);
      for (ValidatorIndex v : members) {
        if (v.value() >= coreOfValidator.length) {
          coreOfValidator = Arrays.copyOf(coreOfValidator,
              Math.max(v.value() + 1, 2 * coreOfValidator.length));
        }
        coreOfValidator[v.value()] = c;
        if (v.value() == localIndex) {
          mine = c;
        }
      }
    }
    this.assignedCore = mine;
  }

  /** A context for the claim queue's cores. */
  public static TableContext of(int localIndex, ValidatorGroupsView groups,
      SortedMap<CoreIndex, ?> claimQueue) {
    return new TableContext(localIndex, groups, claimQueue.keySet());
  }

  /** This validator's index, or -1. */
  public int localIndex() {
    return localIndex;
  }

  /** The core this validator's group serves, or null if it serves none. */
  public CoreIndex assignedCore() {
    return assignedCore;
  }

  /** The core whose group {@code validator} belongs to, or null. */
  public CoreIndex coreOf(int validator) {
    return validator >= 0 && validator < coreOfValidator.length ? coreOfValidator[validator] : null;
  }

  /** The group serving {@code core}, in group order (empty if none). */
  public List<ValidatorIndex> group(CoreIndex core) {
    return groupsByCore.getOrDefault(core, List.of());
  }

  /** True if {@code core} is the one this validator's group serves. */
  public boolean inGroup(CoreIndex core) {
    return assignedCore != null && assignedCore.equals(core);
  }

  @Override
  public boolean isMemberOf(int validator, CoreIndex group) {
    CoreIndex c = coreOf(validator);
    return c != null && c.equals(group);
  }

  @Override
  public int groupSize(CoreIndex group) {
    List<ValidatorIndex> members = groupsByCore.get(group);
    return members == null ? -1 : members.size();
  }
}
