package io.parapipe.protocol.relay.node.collation;

import io.parapipe.protocol.primitives.CandidateDescriptor;
import io.parapipe.protocol.primitives.CandidateDescriptorVersion;
import io.parapipe.protocol.primitives.CoreIndex;
import io.parapipe.protocol.primitives.SessionIndex;
import java.util.Optional;

/**
 * The collator protocol's {@code SecondingError}s about a fetched collation's descriptor
 * ({@code polkadot/node/network/collator-protocol/src/error.rs}). Each is one a peer is reported
 * as malicious for ({@code is_malicious}).
 */
public sealed interface SecondingError {
  /** The error as Rust's {@code Debug} prints it, e.g. {@code InvalidCoreIndex(1, 0)}. */
  String debug();

  /** Upstream's {@code Display} message. */
  String message();

  /**
   * {@code InvalidCoreIndex}: "Core index {0} present in descriptor is different than the
   * assigned core {1}".
   *
   * @param descriptor the descriptor's core
   * @param assigned the core this validator's group serves at the relay parent
   */
  record InvalidCoreIndex(int descriptor, int assigned) implements SecondingError {
    @Override
    public String debug() {
      return "InvalidCoreIndex(" + descriptor + ", " + assigned + ")";
    }

    @Override
    public String message() {
      return "Core index " + descriptor + " present in descriptor is different than the assigned core "
          + assigned;
    }
  }

  /**
   * {@code InvalidSessionIndex}: "Session index {0} present in descriptor is different than the
   * expected one {1}".
   *
   * @param descriptor the descriptor's session
   * @param expected {@code session_index_for_child} at the relay parent
   */
  record InvalidSessionIndex(long descriptor, long expected) implements SecondingError {
    @Override
    public String debug() {
      return "InvalidSessionIndex(" + descriptor + ", " + expected + ")";
    }

    @Override
    public String message() {
      return "Session index " + descriptor + " present in descriptor is different than the expected one "
          + expected;
    }
  }

  /**
   * {@code InvalidReceiptVersion}: "Invalid candidate receipt version {0:?}": an unknown version,
   * or V2 while the {@code CandidateReceiptV2} node feature is off.
   *
   * @param version the descriptor's version
   */
  record InvalidReceiptVersion(CandidateDescriptorVersion version) implements SecondingError {
    @Override
    public String debug() {
      return "InvalidReceiptVersion(" + upstream(version) + ")";
    }

    @Override
    public String message() {
      return "Invalid candidate receipt version " + upstream(version);
    }

    private static String upstream(CandidateDescriptorVersion v) {
      return switch (v) {
        case V1 -> "V1";
        case V2 -> "V2";
        case UNKNOWN -> "Unknown";
      };
    }
  }

  /**
   * {@code descriptor_version_sanity_check} (validator side): a V1 descriptor passes; a V2 one,
   * with V2 receipts enabled, must name the core this validator's group serves and the session of
   * the relay parent's child; anything else is {@link InvalidReceiptVersion}.
   *
   * @param descriptor the fetched candidate's descriptor
   * @param v2Receipts the {@code CandidateReceiptV2} node feature at the relay parent
   * @param assignedCore the core this validator's group serves at the relay parent
   * @param session {@code session_index_for_child} at the relay parent
   * @return the error, or empty if the descriptor passes
   */
  static Optional<SecondingError> descriptorVersionSanityCheck(CandidateDescriptor descriptor,
      boolean v2Receipts, CoreIndex assignedCore, SessionIndex session) {
    CandidateDescriptorVersion v = descriptor.version();
    if (v == CandidateDescriptorVersion.V1) {
      return Optional.empty();
    }
    if (v != CandidateDescriptorVersion.V2 || !v2Receipts) {
      return Optional.of(new InvalidReceiptVersion(v));
    }
    int core = descriptor.versionedCoreIndex().orElseThrow().value();
    if (core != assignedCore.value()) {
      return Optional.of(new InvalidCoreIndex(core, assignedCore.value()));
    }
    long s = descriptor.versionedSessionIndex().orElseThrow();
    if (s != session.value()) {
      return Optional.of(new InvalidSessionIndex(s, session.value()));
    }
    return Optional.empty();
  }
}
