package io.parapipe.protocol.relay.runtime;

import io.parapipe.protocol.primitives.GroupRotationInfo;
import io.parapipe.protocol.primitives.ValidatorIndex;
import java.util.List;

/**
 * The runtime API {@code validator_groups()}: the groups and the rotation info localised to the
 * child of the queried block ({@code now = number + 1}).
 *
 * @param groups the groups, by group index
 * @param rotationInfo session start, rotation frequency, and {@code now = number + 1}
 */
public record ValidatorGroupsView(List<List<ValidatorIndex>> groups, GroupRotationInfo rotationInfo) {}
