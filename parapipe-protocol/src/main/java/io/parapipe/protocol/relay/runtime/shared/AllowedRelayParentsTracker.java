package io.parapipe.protocol.relay.runtime.shared;

import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.TransposedClaimQueue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * {@code shared::AllowedRelayParentsTracker}, immutable: the relay blocks candidates may use as
 * relay parent, oldest first. Updated at the start of every block with the parent block, capped at
 * {@code allowed_ancestry_len + 1} entries, cleared at session changes.
 */
public final class AllowedRelayParentsTracker {
  /** The empty tracker of genesis. */
  public static final AllowedRelayParentsTracker EMPTY = new AllowedRelayParentsTracker(List.of(), 0);

  private final List<RelayParentInfo> buffer;
  private final int latestNumber;

  private AllowedRelayParentsTracker(List<RelayParentInfo> buffer, int latestNumber) {
    this.buffer = buffer;
    this.latestNumber = latestNumber;
  }

  /** The result of {@link #acquireInfo}: the relay parent's record and its block number. */
  public record AcquiredInfo(RelayParentInfo info, int number) {}

  /**
   * {@code update}: append a new relay parent with its claim queue and drop the oldest entries
   * beyond {@code maxAncestryLen + 1}.
   */
  public AllowedRelayParentsTracker update(Hash relayParent, Hash stateRoot, TransposedClaimQueue claimQueue,
      int number, int maxAncestryLen) {
    int limit = maxAncestryLen + 1;
    List<RelayParentInfo> next = new ArrayList<>(Math.min(buffer.size() + 1, limit));
    int from = Math.max(0, buffer.size() + 1 - limit);
    for (int i = from; i < buffer.size(); i++) {
      next.add(buffer.get(i));
    }
    next.add(new RelayParentInfo(relayParent, stateRoot, claimQueue));
    return new AllowedRelayParentsTracker(List.copyOf(next), number);
  }

  /** {@link #update} for a relay parent whose claim queue holds no claims. */
  public AllowedRelayParentsTracker update(Hash relayParent, Hash stateRoot, int number, int maxAncestryLen) {
    return update(relayParent, stateRoot, TransposedClaimQueue.EMPTY, number, maxAncestryLen);
  }

  /**
   * {@code acquire_info(relay_parent, prev)}: the record and block number of an allowed relay
   * parent, or empty if it is not in the buffer or if its number is below {@code prev} (relay
   * parents must not move backwards along a para's chain).
   */
  public Optional<AcquiredInfo> acquireInfo(Hash relayParent, OptionalInt prev) {
    for (int pos = 0; pos < buffer.size(); pos++) {
      if (buffer.get(pos).relayParent().equals(relayParent)) {
        int age = buffer.size() - 1 - pos;
        int number = latestNumber - age;
        if (prev.isPresent() && prev.getAsInt() > number) {
          return Optional.empty();
        }
        return Optional.of(new AcquiredInfo(buffer.get(pos), number));
      }
    }
    return Optional.empty();
  }

  /**
   * {@code hypothetical_earliest_block_number(now, max_ancestry_len)}: the oldest relay parent
   * number a candidate in the block after {@code now} could use, {@code now − min(k, buffer len)}.
   */
  public int hypotheticalEarliestBlockNumber(int now, int maxAncestryLen) {
    return now - Math.min(maxAncestryLen, buffer.size());
  }

  /** The tracker with an empty buffer (session change); {@code latest_number} is kept. */
  public AllowedRelayParentsTracker cleared() {
    return new AllowedRelayParentsTracker(List.of(), latestNumber);
  }

  /** The allowed relay parents, oldest first. */
  public List<RelayParentInfo> buffer() {
    return buffer;
  }

  /** The number of the newest allowed relay parent. */
  public int latestNumber() {
    return latestNumber;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AllowedRelayParentsTracker t
        && t.latestNumber == latestNumber
        && t.buffer.equals(buffer);
  }

  @Override
  public int hashCode() {
    return buffer.hashCode() * 31 + latestNumber;
  }

  @Override
  public String toString() {
    return "AllowedRelayParents(latest " + latestNumber + ", " + buffer.size() + " entries)";
  }
}
