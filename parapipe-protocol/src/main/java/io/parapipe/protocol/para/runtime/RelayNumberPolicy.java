package io.parapipe.protocol.para.runtime;

import java.util.Optional;

/**
 * parachain-system's {@code CheckAssociatedRelayNumber}: how a block's relay parent number must
 * relate to {@code LastRelayChainBlockNumber} (the previous block's relay parent number).
 */
public enum RelayNumberPolicy {
  /** {@code RelayNumberStrictlyIncreases}: one block per relay parent. */
  RELAY_NUMBER_STRICTLY_INCREASES,
  /** {@code RelayNumberMonotonicallyIncreases}: the async backing setting. */
  RELAY_NUMBER_MONOTONICALLY_INCREASES,
  /** {@code AnyRelayNumber}: test parachains. */
  ANY_RELAY_NUMBER;

  /**
   * {@code check_associated_relay_number(current, previous)}; numbers compare as {@code u32}.
   *
   * @return the panic, or empty if the rule holds
   */
  public Optional<RuntimePanic> check(int current, int previous) {
    int c = Integer.compareUnsigned(current, previous);
    return switch (this) {
      case RELAY_NUMBER_STRICTLY_INCREASES -> c <= 0
          ? Optional.of(new RuntimePanic(PanicMessages.RELAY_NUMBER_STRICTLY)) : Optional.empty();
      case RELAY_NUMBER_MONOTONICALLY_INCREASES -> c < 0
          ? Optional.of(new RuntimePanic(PanicMessages.RELAY_NUMBER_MONOTONICALLY)) : Optional.empty();
      case ANY_RELAY_NUMBER -> Optional.empty();
    };
  }
}
