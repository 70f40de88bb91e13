package io.parapipe.protocol.relay.node.prospective;

import io.parapipe.protocol.primitives.CandidateCommitments;
import io.parapipe.protocol.primitives.CandidateDescriptor;
import io.parapipe.protocol.primitives.CommittedCandidateReceipt;
import io.parapipe.protocol.primitives.CoreIndex;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.HeadData;
import io.parapipe.protocol.primitives.ParaId;
import io.parapipe.protocol.primitives.PersistedValidationData;
import io.parapipe.protocol.primitives.SessionIndex;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.IntFunction;
import java.util.function.Predicate;

/** Builders shared by the fragment-chain and subsystem tests (upstream test helpers). */
final class TestCandidates {
  static final int MAX_POV_SIZE = 1_000_000;
  static final Hash VALIDATION_CODE_HASH = repeatByte(42);

  private TestCandidates() {}

  /** {@code Hash::repeat_byte(b)}. */
  static Hash repeatByte(int b) {
    byte[] bytes = new byte[32];
    Arrays.fill(bytes, (byte) b);
    return Hash.of(bytes);
  }

  /** Head data from unsigned byte values. */
  static HeadData head(int... bytes) {
    byte[] b = new byte[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      b[i] = (byte) bytes[i];
    }
    return HeadData.of(b);
  }

  /** A PVD and its committed receipt. */
  record Made(PersistedValidationData pvd, CommittedCandidateReceipt candidate) {
    Hash hash() {
      return candidate.hash();
    }

    CandidateEntry entry(CandidateState state) {
      return CandidateEntry.create(candidate.hash(), candidate, pvd, state).value();
    }
  }

  /**
   * The fragment-chain tests' {@code make_constraints}: ten DMP messages sent at block 0, generous
   * budgets, no HRMP channels.
   */
  static Constraints makeConstraints(int minRelayParentNumber, List<Integer> validWatermarks, HeadData requiredParent) {
    return new Constraints(
        minRelayParentNumber, MAX_POV_SIZE, 1_000_000, 1_000_000, 10, 1_000, 10,
        Collections.nCopies(10, 0), validWatermarks, new TreeMap<>(), 0, requiredParent,
        VALIDATION_CODE_HASH, Optional.empty(), Optional.empty());
  }

  /**
   * The fragment-chain tests' {@code make_committed_candidate}: processes one DMP message; the
   * salt varies the (unchecked) erasure root so that tests can pick a candidate hash order.
   */
  static Made makeCommittedCandidate(ParaId para, Hash relayParent, int relayParentNumber, HeadData parentHead,
      HeadData paraHead, int hrmpWatermark, long salt) {
    PersistedValidationData pvd = new PersistedValidationData(parentHead, relayParentNumber, Hash.ZERO, MAX_POV_SIZE);
    CandidateDescriptor descriptor = new CandidateDescriptor(
        para, relayParent, CoreIndex.of(0), SessionIndex.of(1), pvd.hash(), repeatByte(1),
        salt == 0 ? repeatByte(1) : Hash.fromLong(salt), paraHead.hash(), VALIDATION_CODE_HASH);
    CandidateCommitments commitments =
        new CandidateCommitments(List.of(), List.of(), Optional.empty(), paraHead, 1, hrmpWatermark);
    return new Made(pvd, new CommittedCandidateReceipt(descriptor, commitments));
  }

  static Made makeCommittedCandidate(ParaId para, Hash relayParent, int relayParentNumber, HeadData parentHead,
      HeadData paraHead, int hrmpWatermark) {
    return makeCommittedCandidate(para, relayParent, relayParentNumber, parentHead, paraHead, hrmpWatermark, 0);
  }

  /** The first salted candidate whose hash satisfies {@code wanted}: upstream picks values that do. */
  static Made withHash(IntFunction<Made> bySalt, Predicate<Hash> wanted) {
    for (int salt = 0; salt < 10_000; salt++) {
      Made m = bySalt.apply(salt);
      if (wanted.test(m.hash())) {
        return m;
      }
    }
    throw new AssertionError("no salt gives the wanted hash order");
  }

  /**
   * The subsystem tests' {@code make_candidate} (polkadot-primitives test helpers): no messages,
   * watermark at the relay parent, storage root zero, PoV limit 1 000 000.
   */
  static Made makeCandidate(Hash relayParent, int relayParentNumber, ParaId para, HeadData parentHead,
      HeadData headData, Hash validationCodeHash) {
    return makeCandidate(relayParent, relayParentNumber, para, parentHead, headData, validationCodeHash, headData.hash());
  }

  /** As {@link #makeCandidate} with an explicit descriptor {@code para_head} (upstream {@code set_para_head}). */
  static Made makeCandidate(Hash relayParent, int relayParentNumber, ParaId para, HeadData parentHead,
      HeadData headData, Hash validationCodeHash, Hash descriptorParaHead) {
    PersistedValidationData pvd = new PersistedValidationData(parentHead, relayParentNumber, Hash.ZERO, MAX_POV_SIZE);
    CandidateDescriptor descriptor = new CandidateDescriptor(
        para, relayParent, CoreIndex.of(0), SessionIndex.of(1), pvd.hash(), Hash.ZERO, Hash.ZERO,
        descriptorParaHead, validationCodeHash);
    CandidateCommitments commitments = CandidateCommitments.ofHead(headData, relayParentNumber);
    return new Made(pvd, new CommittedCandidateReceipt(descriptor, commitments));
  }

  static List<Hash> hashes(List<Made> made) {
    List<Hash> out = new ArrayList<>();
    for (Made m : made) {
      out.add(m.hash());
    }
    return out;
  }
}
