package io.parapipe.protocol.relay.runtime;

import io.parapipe.protocol.primitives.AsyncBackingParams;
import io.parapipe.protocol.primitives.BitVec;
import io.parapipe.protocol.primitives.CandidateCommitments;
import io.parapipe.protocol.primitives.CandidateDescriptor;
import io.parapipe.protocol.primitives.ClaimQueueOffset;
import io.parapipe.protocol.primitives.CommittedCandidateReceipt;
import io.parapipe.protocol.primitives.CoreIndex;
import io.parapipe.protocol.primitives.CoreSelector;
import io.parapipe.protocol.primitives.GroupIndex;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.HeadData;
import io.parapipe.protocol.primitives.HostConfiguration;
import io.parapipe.protocol.primitives.ParaId;
import io.parapipe.protocol.primitives.PersistedValidationData;
import io.parapipe.protocol.primitives.SchedulerParams;
import io.parapipe.protocol.primitives.SignedAvailabilityBitfield;
import io.parapipe.protocol.primitives.UmpSignal;
import io.parapipe.protocol.primitives.ValidatorIndex;
import io.parapipe.protocol.relay.runtime.inclusion.BackedCandidate;
import io.parapipe.protocol.relay.runtime.inclusion.ValidityAttestation;
import io.parapipe.protocol.relay.runtime.scheduler.BulkCoretimeAssigner;
import io.parapipe.protocol.relay.runtime.shared.ValidatorId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

/** Builds genesis states, candidates, backings and bitfields for runtime tests. */
public final class RuntimeFixture {
  private RuntimeFixture() {}

  /** A consistent configuration with the given scheduler and backing parameters. */
  public static HostConfiguration config(
      int numCores, int lookahead, AsyncBackingParams abp, int minimumBackingVotes, int rotation, int availabilityPeriod) {
    HostConfiguration base = HostConfiguration.polkadotLike();
    return base
        .withSchedulerParams(SchedulerParams.DEFAULT
            .withGroupRotationFrequency(rotation)
            .withParasAvailabilityPeriod(availabilityPeriod)
            .withLookahead(lookahead)
            .withNumCores(numCores)
            .withTtl(Math.max(5, lookahead)))
        .withAsyncBackingParams(abp)
        .withMinimumBackingVotes(minimumBackingVotes);
  }

  /** The default test configuration: lookahead 3, async backing {3, 2}, 2 backing votes, rotation 10, period 3. */
  public static HostConfiguration config(int numCores) {
    return config(numCores, 3, new AsyncBackingParams(3, 2), 2, 10, 3);
  }

  /** Genesis head of a para: one byte, its id. */
  public static HeadData genesisHead(ParaId para) {
    return HeadData.of(new byte[] {(byte) para.value()});
  }

  /** Validation code hash of a para. */
  public static Hash codeHash(ParaId para) {
    return Hash.blake2b256(new byte[] {(byte) 0xc0, (byte) para.value()});
  }

  /** Bulk coretime: core i to paras.get(i). */
  public static BulkCoretimeAssigner bulk(List<ParaId> coreToPara) {
    TreeMap<CoreIndex, ParaId> m = new TreeMap<>();
    for (int i = 0; i < coreToPara.size(); i++) {
      m.put(CoreIndex.of(i), coreToPara.get(i));
    }
    return new BulkCoretimeAssigner(m);
  }

  /** Genesis with the given validators, config and core → para assignment; every assigned para is registered. */
  public static RelayRuntimeState genesis(int validators, HostConfiguration config, List<ParaId> coreToPara, int sessionLength) {
    TreeMap<ParaId, GenesisConfig.ParaGenesis> paras = new TreeMap<>();
    for (ParaId p : coreToPara) {
      paras.put(p, new GenesisConfig.ParaGenesis(genesisHead(p), codeHash(p)));
    }
    return RelayRuntime.genesis(GenesisConfig.builder()
        .numValidators(validators)
        .paras(paras)
        .config(config)
        .assignmentProvider(bulk(coreToPara))
        .sessionLength(sessionLength)
        .randomness(Hash.fromLong(42))
        .build()).orElseThrow();
  }

  /** Head data for the n-th block of a para. */
  public static HeadData head(ParaId para, int n) {
    return HeadData.of(new byte[] {(byte) para.value(), (byte) (n >>> 8), (byte) n});
  }

  /** A candidate of {@code para} with relay parent {@code rp}, building on {@code parent}, producing {@code out}. */
  public static CommittedCandidateReceipt candidate(RelayRuntimeState rp, ParaId para, HeadData parent, HeadData out) {
    return candidate(rp, para, parent, CandidateCommitments.ofHead(out, rp.number()));
  }

  /** Upstream's test collator id: bytes 0..31 (so the descriptor is V1). */
  public static byte[] junkCollator() {
    byte[] b = new byte[32];
    for (int i = 0; i < b.length; i++) {
      b[i] = (byte) i;
    }
    return b;
  }

  /** Upstream's test collator signature: bytes 0..63. */
  public static byte[] junkCollatorSignature() {
    byte[] b = new byte[64];
    for (int i = 0; i < b.length; i++) {
      b[i] = (byte) i;
    }
    return b;
  }

  /**
   * A candidate with explicit commitments and a V1 descriptor (as upstream's
   * {@code TestCandidateBuilder} without a core index); the other fields are derived honestly from
   * the relay parent.
   */
  public static CommittedCandidateReceipt candidate(
      RelayRuntimeState rp, ParaId para, HeadData parent, CandidateCommitments commitments) {
    PersistedValidationData pvd =
        new PersistedValidationData(parent, rp.number(), rp.stateRoot(), rp.activeConfig().maxPovSize());
    CandidateDescriptor d = CandidateDescriptor.v1(para, rp.hash(), junkCollator(), pvd.hash(),
        Hash.blake2b256(commitments.headData().toByteArray()), Hash.fromLong(7), junkCollatorSignature(),
        commitments.headData().hash(), codeHash(para));
    return new CommittedCandidateReceipt(d, commitments);
  }

  /**
   * A candidate with a V2 descriptor for {@code core} in the relay parent's session, and, if
   * {@code selector} is given, {@code UMP_SEPARATOR} and {@code SelectCore(selector, offset)} after
   * its upward messages (as upstream's {@code TestCandidateBuilder} with a core index).
   */
  public static CommittedCandidateReceipt candidateV2(RelayRuntimeState rp, ParaId para, HeadData parent,
      HeadData out, CoreIndex core, OptionalInt selector, int offset) {
    List<byte[]> ump = new ArrayList<>();
    if (selector.isPresent()) {
      ump.add(CandidateCommitments.UMP_SEPARATOR);
      ump.add(new UmpSignal.SelectCore(new CoreSelector(selector.getAsInt()), new ClaimQueueOffset(offset)).encode());
    }
    CandidateCommitments commitments = new CandidateCommitments(ump, List.of(), Optional.empty(), out, 0, rp.number());
    PersistedValidationData pvd =
        new PersistedValidationData(parent, rp.number(), rp.stateRoot(), rp.activeConfig().maxPovSize());
    CandidateDescriptor d = new CandidateDescriptor(para, rp.hash(), core, rp.session(), pvd.hash(),
        Hash.blake2b256(out.toByteArray()), Hash.fromLong(7), out.hash(), codeHash(para));
    return new CommittedCandidateReceipt(d, commitments);
  }

  /**
   * Backs {@code c} on {@code core} with {@code votes} votes of the group assigned to the core at
   * {@code rpNumber + 1} in {@code at}'s session (the first vote seconds).
   */
  public static BackedCandidate back(
      RelayRuntimeState at, CommittedCandidateReceipt c, CoreIndex core, int rpNumber, int votes, boolean injectCore) {
    List<ValidatorIndex> group = groupFor(at, core, rpNumber);
    int[] bits = new int[votes];
    List<ValidityAttestation> v = new ArrayList<>();
    for (int i = 0; i < votes; i++) {
      bits[i] = i;
      v.add(i == 0 ? ValidityAttestation.IMPLICIT : ValidityAttestation.EXPLICIT);
    }
    return new BackedCandidate(c, v, BitVec.of(group.size(), bits), injectCore ? Optional.of(core) : Optional.empty());
  }

  /** Backs with the whole group. */
  public static BackedCandidate back(RelayRuntimeState at, CommittedCandidateReceipt c, CoreIndex core, int rpNumber) {
    return back(at, c, core, rpNumber, groupFor(at, core, rpNumber).size(), at.activeConfig().elasticScalingMvp());
  }

  /** The members of the group backing {@code core} for relay parent {@code rpNumber}. */
  public static List<ValidatorIndex> groupFor(RelayRuntimeState at, CoreIndex core, int rpNumber) {
    GroupIndex g = at.validatorGroups().groupAssignedToCore(core, rpNumber + 1, at.sessionStartBlock(),
        at.activeConfig().schedulerParams().groupRotationFrequency()).orElseThrow();
    return at.validatorGroups().groupValidators(g).orElseThrow();
  }

  /** Bitfields from every validator with the given cores' bits set. */
  public static List<SignedAvailabilityBitfield> bitfields(RelayRuntimeState at, int... cores) {
    return bitfieldsFrom(at, at.validators().size(), cores);
  }

  /** Bitfields from validators {@code 0..signers-1} with the given cores' bits set. */
  public static List<SignedAvailabilityBitfield> bitfieldsFrom(RelayRuntimeState at, int signers, int... cores) {
    List<SignedAvailabilityBitfield> out = new ArrayList<>();
    for (int v = 0; v < signers; v++) {
      out.add(new SignedAvailabilityBitfield(ValidatorIndex.of(v), BitVec.of(at.validatorGroups().count(), cores)));
    }
    return out;
  }

  /** Executes a block authored by validator 0 at slot = number. */
  public static BlockExecution run(RelayRuntimeState parent, List<SignedAvailabilityBitfield> bitfields, List<BackedCandidate> backed) {
    return RelayRuntime.executeBlock(parent, BlockInputs.of(parent.number() + 1, ValidatorId.of(0),
        new ParasInherentData(bitfields, backed, parent.header())));
  }

  /** Executes an empty block. */
  public static RelayRuntimeState empty(RelayRuntimeState parent) {
    return run(parent, List.of(), List.of()).state();
  }
}
