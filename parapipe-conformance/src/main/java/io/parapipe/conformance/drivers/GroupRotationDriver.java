package io.parapipe.conformance.drivers;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.parapipe.conformance.Canonical;
import io.parapipe.conformance.ComponentDriver;
import io.parapipe.conformance.ComponentSession;
import io.parapipe.conformance.NameTable;
import io.parapipe.conformance.OpOutcome;
import io.parapipe.conformance.VectorNode;
import io.parapipe.protocol.primitives.CoreIndex;
import io.parapipe.protocol.primitives.GroupIndex;
import io.parapipe.protocol.primitives.GroupRotationInfo;
import io.parapipe.protocol.primitives.SchedulerParams;
import io.parapipe.protocol.primitives.ValidatorIndex;
import io.parapipe.protocol.relay.runtime.scheduler.ValidatorGroups;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * {@code group_rotation}: validator groups and their rotation over cores
 * ({@code GroupRotationInfo}: {@code group_for_core}, {@code core_for_group},
 * {@code next_rotation_at}, {@code last_rotation_at}; the scheduler's
 * {@code group_assigned_to_core}; the session's partition of validators into groups).
 */
public final class GroupRotationDriver implements ComponentDriver {
  @Override
  public String component() {
    return "group_rotation";
  }

  @Override
  public ComponentSession start(VectorNode initial, NameTable names) {
    int start = initial.get("session_start_block").nat();
    int frequency = initial.get("group_rotation_frequency").nat();
    Optional<ValidatorGroups> groups = initial.opt("groups").map(GroupRotationDriver::groups);
    return (op, args) -> switch (op) {
      case "group_for_core" -> {
        GroupRotationInfo info = new GroupRotationInfo(start, frequency, args.get("now").nat());
        GroupIndex g = info.groupForCore(CoreIndex.of(args.get("core").nat()), args.get("cores").nat());
        yield OpOutcome.ok(Canonical.of("group", g.value()));
      }
      case "core_for_group" -> {
        GroupRotationInfo info = new GroupRotationInfo(start, frequency, args.get("now").nat());
        CoreIndex c = info.coreForGroup(GroupIndex.of(args.get("group").nat()), args.get("cores").nat());
        yield OpOutcome.ok(Canonical.of("core", c.value()));
      }
      case "next_rotation_at" -> OpOutcome.ok(Canonical.of("block",
          new GroupRotationInfo(start, requirePositive(frequency, initial), args.get("now").nat()).nextRotationAt()));
      case "last_rotation_at" -> OpOutcome.ok(Canonical.of("block",
          new GroupRotationInfo(start, requirePositive(frequency, initial), args.get("now").nat()).lastRotationAt()));
      case "group_assigned_to_core" -> {
        ValidatorGroups g = groups.orElseThrow(() -> args.malformed("no groups: give initial.groups"));
        requirePositive(frequency, initial);
        Optional<GroupIndex> gi = g.groupAssignedToCore(CoreIndex.of(args.get("core").nat()), args.get("at").nat(), start, frequency);
        ObjectNode o = Canonical.object();
        if (gi.isPresent()) {
          o.put("group", gi.get().value());
        } else {
          o.putNull("group");
        }
        yield OpOutcome.ok(o);
      }
      case "partition" -> {
        Optional<VectorNode> perCore = args.opt("max_validators_per_core");
        SchedulerParams params = SchedulerParams.DEFAULT
            .withMaxValidatorsPerCore(
                perCore.isPresent() ? OptionalInt.of(perCore.get().nat()) : OptionalInt.empty())
            .withNumCores(args.get("num_cores").nat());
        ValidatorGroups g = ValidatorGroups.partition(args.get("n_validators").nat(), params);
        ObjectNode o = Canonical.object();
        ArrayNode a = o.putArray("groups");
        for (List<ValidatorIndex> members : g.groups()) {
          ArrayNode m = a.addArray();
          members.forEach(v -> m.add(v.value()));
        }
        yield OpOutcome.ok(o);
      }
      default -> throw args.get("op").malformed("unknown operation \"" + op + "\" for group_rotation");
    };
  }

  private static int requirePositive(int frequency, VectorNode initial) {
    if (frequency == 0) {
      throw initial.get("group_rotation_frequency").malformed("this operation needs a non-zero rotation frequency");
    }
    return frequency;
  }

  /** {@code [[0, 1], [2]]}: the validator indices of each group. */
  static ValidatorGroups groups(VectorNode n) {
    List<List<ValidatorIndex>> out = new ArrayList<>();
    for (VectorNode g : n.list()) {
      List<ValidatorIndex> members = new ArrayList<>();
      g.list().forEach(v -> members.add(ValidatorIndex.of(v.nat())));
      out.add(members);
    }
    return ValidatorGroups.of(out);
  }
}
