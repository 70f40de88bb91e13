package io.parapipe.protocol.relay.node.backing;

import io.parapipe.protocol.primitives.CoreIndex;
import io.parapipe.protocol.primitives.ValidatorIndex;
import io.parapipe.protocol.relay.runtime.BackingGroups;
import io.parapipe.protocol.relay.runtime.RuntimeApi;
import io.parapipe.protocol.relay.runtime.ValidatorGroupsView;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;

/**
 * Who backs what at one relay parent (upstream backing's {@code TableContext}): the group
 * serving each core of the claim queue, after group rotation, and this validator's place in them.
 * Groups are keyed by core, as upstream's are since elastic scaling.
 */
public final class TableContext implements StatementTable.Context {
  private final int localIndex;
  private final CoreIndex assignedCore;
  private final BackingGroups groups;

  /**
   * @param localIndex this validator's index in the session, or -1 if it is not a validator
   * @param groups the session's validator groups and their rotation
   * @param cores the cores of the claim queue
   */
  public TableContext(int localIndex, ValidatorGroupsView groups, Set<CoreIndex> cores) {
    this(localIndex, new BackingGroups(groups, cores));
  }

  /**
   * @param localIndex this validator's index in the session, or -1 if it is not a validator
   * @param groups the groups serving the claim queue's cores (shared by every validator)
   */
  public TableContext(int localIndex, BackingGroups groups) {
    this.localIndex = localIndex;
    this.groups = groups;
    this.assignedCore = groups.coreOf(localIndex);
  }

  /** A context for the claim queue's cores. */
  public static TableContext of(int localIndex, ValidatorGroupsView groups,
      SortedMap<CoreIndex, ?> claimQueue) {
    return new TableContext(localIndex, groups, claimQueue.keySet());
  }

  /** A context for a block's claim queue, from the groups it shares with every validator. */
  public static TableContext of(int localIndex, RuntimeApi api) {
    return new TableContext(localIndex, api.backingGroups());
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
    return groups.coreOf(validator);
  }

  /** The group serving {@code core}, in group order (empty if none). */
  public List<ValidatorIndex> group(CoreIndex core) {
    List<ValidatorIndex> members = groups.group(core);
    return members == null ? List.of() : members;
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
    List<ValidatorIndex> members = groups.group(group);
    return members == null ? -1 : members.size();
  }
}
