package io.parapipe.protocol.relay.runtime.scheduler;

import io.parapipe.protocol.primitives.CoreIndex;
import io.parapipe.protocol.primitives.GroupIndex;
import io.parapipe.protocol.primitives.SchedulerParams;
import io.parapipe.protocol.primitives.ValidatorIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code scheduler::ValidatorGroups}: the session's backing groups, one per availability core.
 * Members are indices into the session's (already shuffled) active validator set.
 */
public final class ValidatorGroups {
  private final List<List<ValidatorIndex>> groups;

  private ValidatorGroups(List<List<ValidatorIndex>> groups) {
    this.groups = groups;
  }

  /** Groups as given (tests and vectors). */
  public static ValidatorGroups of(List<List<ValidatorIndex>> groups) {
    List<List<ValidatorIndex>> copy = new ArrayList<>(groups.size());
    for (List<ValidatorIndex> g : groups) {
      copy.add(List.copyOf(g));
    }
    return new ValidatorGroups(List.copyOf(copy));
  }

  /**
   * {@code initializer_on_new_session}: {@code n_cores = max(num_cores, V / max_validators_per_core)};
   * the {@code V} validators are split into {@code n_cores} contiguous groups, the first
   * {@code V mod n_cores} of them one larger. No cores or no validators give no groups.
   */
  public static ValidatorGroups partition(int nValidators, SchedulerParams params) {
    int perCore = params.maxValidatorsPerCore().orElse(0);
    int nCores = Math.max(params.numCores(), perCore != 0 ? nValidators / perCore : 0);
    if (nCores == 0 || nValidators == 0) {
      return new ValidatorGroups(List.of());
    }
    int base = nValidators / nCores;
    int larger = nValidators % nCores;
    List<List<ValidatorIndex>> out = new ArrayList<>(nCores);
    int next = 0;
    for (int g = 0; g < nCores; g++) {
      int size = g < larger ? base + 1 : base;
      List<ValidatorIndex> members = new ArrayList<>(size);
      for (int j = 0; j < size; j++) {
        members.add(ValidatorIndex.of(next++));
      }
      out.add(List.copyOf(members));
    }
    return new ValidatorGroups(List.copyOf(out));
  }

  /** All groups, by group index. */
  public List<List<ValidatorIndex>> groups() {
    return groups;
  }

  /** {@code num_availability_cores()}: the number of groups. */
  public int count() {
    return groups.size();
  }

  /** {@code group_validators(g)}: the members of group {@code g}, if it exists. */
  public Optional<List<ValidatorIndex>> groupValidators(GroupIndex group) {
    return group.value() < groups.size() ? Optional.of(groups.get(group.value())) : Optional.empty();
  }

  /** The group that {@code validator} belongs to, if any. */
  public Optional<GroupIndex> groupOf(ValidatorIndex validator) {
    for (int g = 0; g < groups.size(); g++) {
      if (groups.get(g).contains(validator)) {
        return Optional.of(GroupIndex.of(g));
      }
    }
    return Optional.empty();
  }

  /**
   * {@code group_assigned_to_core(core, at)}: empty if {@code at} precedes the session start or
   * the core does not exist, else {@code (core + (at − start) / frequency) mod #groups}.
   */
  public Optional<GroupIndex> groupAssignedToCore(
      CoreIndex core, int at, int sessionStartBlock, int groupRotationFrequency) {
    if (at < sessionStartBlock || core.value() >= groups.size()) {
      return Optional.empty();
    }
    long rotations = (at - sessionStartBlock) / groupRotationFrequency;
    return Optional.of(GroupIndex.of((int) ((core.value() + rotations) % groups.size())));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ValidatorGroups v && v.groups.equals(groups);
  }

  @Override
  public int hashCode() {
    return groups.hashCode();
  }

  @Override
  public String toString() {
    return "ValidatorGroups" + groups;
  }
}
