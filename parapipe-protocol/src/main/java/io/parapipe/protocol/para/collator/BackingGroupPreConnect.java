package io.parapipe.protocol.para.collator;

import io.parapipe.protocol.para.runtime.Slots;
import java.util.OptionalLong;
import java.util.function.IntPredicate;

/**
 * {@code BackingGroupConnectionHelper} ({@code cumulus/client/consensus/aura/src/collators/mod.rs},
 * newest): a collator connects to the backing groups of its para's cores one Aura slot before its
 * own, so that its first collation does not wait for a connection, and disconnects once its slot
 * has passed. Immutable: {@link #update} answers the message to send and the helper after it.
 *
 * @param ourSlot the slot we connected for, if we are connected
 */
public record BackingGroupPreConnect(OptionalLong ourSlot) {
  /** The collator-protocol message the helper sends. */
  public enum Action {
    /** Nothing to send. */
    NONE,
    /** {@code CollatorProtocolMessage::ConnectToBackingGroups}. */
    CONNECT,
    /** {@code CollatorProtocolMessage::DisconnectFromBackingGroups}. */
    DISCONNECT
  }

  /**
   * The outcome of an update.
   *
   * @param action the message to send
   * @param helper the helper after it
   */
  public record Update(Action action, BackingGroupPreConnect helper) {}

  /** A helper that has not connected yet. */
  public static BackingGroupPreConnect initial() {
    return new BackingGroupPreConnect(OptionalLong.empty());
  }

  /**
   * {@code update(current_slot, best_block)}: nothing while the current slot is at most the one we
   * connected for; otherwise connect if {@code current_slot + 1} is ours (its author index,
   * {@code slot % authorities}, is one of our keys), else disconnect if we were connected.
   *
   * @param currentSlot the Aura slot of this block-production attempt
   * @param authorities the number of Aura authorities at the best block
   * @param ownsAuthorIndex whether the keystore holds the key of an authority index
   */
  public Update update(long currentSlot, int authorities, IntPredicate ownsAuthorIndex) {
    if (ourSlot.isPresent() && Long.compareUnsigned(currentSlot, ourSlot.getAsLong()) <= 0) {
      return new Update(Action.NONE, this);
    }
    long next = currentSlot + 1;
    if (authorities > 0 && ownsAuthorIndex.test(Slots.authorIndex(next, authorities))) {
      return new Update(Action.CONNECT, new BackingGroupPreConnect(OptionalLong.of(next)));
    }
    if (ourSlot.isPresent()) {
      return new Update(Action.DISCONNECT, initial());
    }
    return new Update(Action.NONE, this);
  }
}
