package io.parapipe.conformance.drivers;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.parapipe.conformance.Canonical;
import io.parapipe.conformance.ComponentDriver;
import io.parapipe.conformance.ComponentSession;
import io.parapipe.conformance.NameTable;
import io.parapipe.conformance.OpOutcome;
import io.parapipe.conformance.ProtocolValues;
import io.parapipe.conformance.VectorNode;
import io.parapipe.protocol.primitives.AsyncBackingParams;
import io.parapipe.protocol.primitives.BitVec;
import io.parapipe.protocol.primitives.CandidateCommitments;
import io.parapipe.protocol.primitives.CandidateDescriptor;
import io.parapipe.protocol.primitives.CommittedCandidateReceipt;
import io.parapipe.protocol.primitives.CoreIndex;
import io.parapipe.protocol.primitives.GroupIndex;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.HeadData;
import io.parapipe.protocol.primitives.HostConfiguration;
import io.parapipe.protocol.primitives.OutboundHrmpMessage;
import io.parapipe.protocol.primitives.ParaId;
import io.parapipe.protocol.primitives.PersistedValidationData;
import io.parapipe.protocol.primitives.SchedulerParams;
import io.parapipe.protocol.primitives.SessionIndex;
import io.parapipe.protocol.primitives.TransposedClaimQueue;
import io.parapipe.protocol.primitives.ValidatorIndex;
import io.parapipe.protocol.relay.runtime.inclusion.BackedCandidate;
import io.parapipe.protocol.relay.runtime.inclusion.BackingCheck;
import io.parapipe.protocol.relay.runtime.inclusion.CandidateCheckContext;
import io.parapipe.protocol.relay.runtime.inclusion.CandidateOnCore;
import io.parapipe.protocol.relay.runtime.inclusion.Inclusion;
import io.parapipe.protocol.relay.runtime.inclusion.PendingAvailability;
import io.parapipe.protocol.relay.runtime.inclusion.PendingAvailabilityEntry;
import io.parapipe.protocol.relay.runtime.inclusion.ValidityAttestation;
import io.parapipe.protocol.relay.runtime.inclusion.Verification;
import io.parapipe.protocol.relay.runtime.paras.ParaInfo;
import io.parapipe.protocol.relay.runtime.paras.Paras;
import io.parapipe.protocol.relay.runtime.parasinherent.DroppedCandidate;
import io.parapipe.protocol.relay.runtime.parasinherent.ParasInherent;
import io.parapipe.protocol.relay.runtime.scheduler.ValidatorGroups;
import io.parapipe.protocol.relay.runtime.shared.AllowedRelayParentsTracker;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code sanitize_backed_candidates}: what {@code paras_inherent} keeps of the backed candidates a
 * block author supplies ({@code filter_unchained_candidates}, {@code map_candidates_to_cores}, the
 * backing-vote filter), and the inclusion checks it rests on: {@code verify_backed_candidate},
 * {@code check_backing_votes} and {@code process_candidates}. Candidates are described by their
 * para, relay parent and heads; their descriptors are derived honestly unless a field is
 * overridden.
 */
public final class SanitizeBackedCandidatesDriver implements ComponentDriver {
  @Override
  public String component() {
    return "sanitize_backed_candidates";
  }

  private record RelayBlock(Hash hash, int number, Hash stateRoot, TransposedClaimQueue claimQueue) {}

  @Override
  public ComponentSession start(VectorNode initial, NameTable names) {
    HostConfiguration config = config(initial.get("config"));
    int nValidators = initial.get("n_validators").nat();
    ValidatorGroups groups = GroupRotationDriver.groups(initial.get("groups"));
    int sessionStart = initial.get("session_start_block").nat();
    int now = initial.get("now").nat();
    int session = initial.opt("session").map(VectorNode::nat).orElse(0);

    Map<String, RelayBlock> blocks = new LinkedHashMap<>();
    for (Map.Entry<String, VectorNode> e : initial.get("relay_blocks").entries().entrySet()) {
      VectorNode b = e.getValue();
      TransposedClaimQueue cq = b.opt("claim_queue").map(q -> TransposedClaimQueue.of(
          ProspectiveParachainsDriver.claimQueue(q))).orElse(TransposedClaimQueue.EMPTY);
      RelayBlock rb = new RelayBlock(ProtocolValues.hash(b.get("hash")), b.get("number").nat(),
          ProtocolValues.hash(b.get("state_root")), cq);
      names.define(e.getKey(), rb.hash(), b.path());
      blocks.put(e.getKey(), rb);
    }
    AllowedRelayParentsTracker tracker = AllowedRelayParentsTracker.EMPTY;
    List<VectorNode> allowed = initial.get("allowed_relay_parents").list();
    Integer previous = null;
    for (VectorNode a : allowed) {
      RelayBlock rb = block(a, blocks);
      if (previous != null && rb.number() != previous + 1) {
        throw a.malformed("allowed relay parents must have consecutive numbers, oldest first");
      }
      previous = rb.number();
      tracker = tracker.update(rb.hash(), rb.stateRoot(), rb.claimQueue(), rb.number(), allowed.size());
    }
    Paras paras = paras(initial.get("paras"));
    Map<String, CommittedCandidateReceipt> receipts = new LinkedHashMap<>();
    for (Map.Entry<String, VectorNode> e : initial.get("candidates").entries().entrySet()) {
      CommittedCandidateReceipt r = candidate(e.getValue(), blocks, paras, config, session);
      names.define(e.getKey(), r.hash(), e.getValue().path());
      receipts.put(e.getKey(), r);
    }
    PendingAvailability pending = PendingAvailability.EMPTY;
    Optional<VectorNode> pa = initial.opt("pending_availability");
    if (pa.isPresent()) {
      for (Map.Entry<String, VectorNode> e : pa.get().entries().entrySet()) {
        for (VectorNode p : e.getValue().list()) {
          CommittedCandidateReceipt r = receipt(p.get("candidate"), receipts);
          int rpNumber = blockByHash(r.descriptor().relayParent(), blocks, p).number();
          pending = pending.push(new PendingAvailabilityEntry(CoreIndex.of(p.get("core").nat()), r,
              BitVec.zeros(nValidators), BitVec.zeros(nValidators), rpNumber, now - 1, GroupIndex.of(0)));
        }
      }
    }
    SortedMap<ParaId, SortedSet<CoreIndex>> eligible = eligible(initial.get("eligible"));
    State st = new State(config, nValidators, groups, sessionStart, now, SessionIndex.of(session), tracker, paras,
        pending, eligible, receipts, names);
    return st::apply;
  }

  private static RelayBlock block(VectorNode ref, Map<String, RelayBlock> blocks) {
    RelayBlock b = blocks.get(ref.text());
    if (b == null) {
      throw ref.malformed("unknown relay block \"" + ref.text() + "\"");
    }
    return b;
  }

  private static RelayBlock blockByHash(Hash h, Map<String, RelayBlock> blocks, VectorNode at) {
    for (RelayBlock b : blocks.values()) {
      if (b.hash().equals(h)) {
        return b;
      }
    }
    throw at.malformed("the candidate's relay parent is not in relay_blocks");
  }

  /**
   * {@code {"max_pov_size", "max_head_data_size", "minimum_backing_votes", "elastic_scaling_mvp",
   * "group_rotation_frequency"}} and, optionally, {@code candidate_receipt_v2} (the node feature;
   * off by default, as in upstream's test configuration), the UMP limits and {@code max_code_size}
   * (defaults: 16 messages per candidate, 65531-byte messages, queue 174762 messages / 1048576
   * bytes, 3 MiB code).
   */
  static HostConfiguration config(VectorNode n) {
    HostConfiguration base = HostConfiguration.polkadotLike();
    int rotation = n.get("group_rotation_frequency").nat();
    if (rotation == 0) {
      throw n.get("group_rotation_frequency").malformed("must be positive");
    }
    // Fields are read in the vector format's order, so the first bad one is the one reported.
    return base.toBuilder()
        .maxCodeSize(n.opt("max_code_size").map(VectorNode::nat).orElse(base.maxCodeSize()))
        .maxHeadDataSize(n.get("max_head_data_size").nat())
        .maxPovSize(n.get("max_pov_size").nat())
        .maxUpwardQueueCount(
            n.opt("max_upward_queue_count").map(VectorNode::nat).orElse(base.maxUpwardQueueCount()))
        .maxUpwardQueueSize(
            n.opt("max_upward_queue_size").map(VectorNode::nat).orElse(base.maxUpwardQueueSize()))
        .maxUpwardMessageSize(
            n.opt("max_upward_message_size").map(VectorNode::nat).orElse(base.maxUpwardMessageSize()))
        .maxUpwardMessageNumPerCandidate(n.opt("max_upward_message_num_per_candidate")
            .map(VectorNode::nat).orElse(base.maxUpwardMessageNumPerCandidate()))
        .asyncBackingParams(new AsyncBackingParams(3, 2))
        .minimumBackingVotes(n.get("minimum_backing_votes").nat())
        .elasticScalingMvp(n.get("elastic_scaling_mvp").bool())
        .schedulerParams(SchedulerParams.DEFAULT
            .withGroupRotationFrequency(rotation)
            .withParasAvailabilityPeriod(3)
            .withLookahead(3)
            .withNumCores(1)
            .withTtl(5))
        .candidateReceiptV2(n.opt("candidate_receipt_v2").map(VectorNode::bool).orElse(false))
        .build();
  }

  /** {@code {"1": {"head", "validation_code_hash", "most_recent_context"}}}. */
  static Paras paras(VectorNode n) {
    TreeMap<ParaId, ParaInfo> m = new TreeMap<>();
    n.entries().forEach((k, v) -> m.put(ProtocolValues.paraIdKey(k, v), new ParaInfo(ProtocolValues.headData(v.get("head")),
        ProtocolValues.hash(v.get("validation_code_hash")), v.get("most_recent_context").nat())));
    return Paras.genesis(m);
  }

  /** {@code {"1": [0, 1]}}: para → its eligible cores. */
  static SortedMap<ParaId, SortedSet<CoreIndex>> eligible(VectorNode n) {
    SortedMap<ParaId, SortedSet<CoreIndex>> m = new TreeMap<>();
    n.entries().forEach((k, v) -> {
      SortedSet<CoreIndex> cores = new TreeSet<>();
      v.list().forEach(c -> cores.add(CoreIndex.of(c.nat())));
      m.put(ProtocolValues.paraIdKey(k, v), cores);
    });
    return m;
  }

  /**
   * A candidate: {@code para_id}, {@code relay_parent} (a name of {@code relay_blocks}),
   * {@code parent_head}, {@code head_data}; optional overrides {@code relay_parent_number},
   * {@code relay_parent_storage_root}, {@code max_pov_size} (of the PVD the descriptor commits to),
   * {@code validation_code_hash} (the para's), {@code para_head} (hash of {@code head_data}),
   * {@code hrmp_watermark} (the relay parent's number), {@code processed_downward_messages} (0),
   * {@code upward_messages}, {@code horizontal_messages}, {@code new_validation_code}; and the
   * descriptor version and UMP signals of {@link ReceiptSpecs} (V1 by default; a V2 descriptor's
   * session is {@code initial.session} unless given).
   */
  private static CommittedCandidateReceipt candidate(VectorNode n, Map<String, RelayBlock> blocks, Paras paras,
      HostConfiguration config, int session) {
    ParaId para = ProtocolValues.paraId(n.get("para_id"));
    RelayBlock rp = block(n.get("relay_parent"), blocks);
    int rpNumber = n.opt("relay_parent_number").map(VectorNode::nat).orElse(rp.number());
    Hash root = n.opt("relay_parent_storage_root").map(ProtocolValues::hash).orElse(rp.stateRoot());
    PersistedValidationData pvd = new PersistedValidationData(ProtocolValues.headData(n.get("parent_head")), rpNumber,
        root, n.opt("max_pov_size").map(VectorNode::nat).orElse(config.maxPovSize()));
    List<byte[]> ump = new ArrayList<>();
    ReceiptSpecs.upwardMessages(n, ump);
    List<OutboundHrmpMessage> hrmp = new ArrayList<>();
    n.opt("horizontal_messages").ifPresent(l -> l.list().forEach(m -> hrmp.add(
        new OutboundHrmpMessage(ProtocolValues.paraId(m.get("recipient")),
            ProtocolValues.bytes(m.get("data"))))));
    HeadData head = ProtocolValues.headData(n.get("head_data"));
    CandidateCommitments commitments = new CandidateCommitments(ump, hrmp,
        n.opt("new_validation_code").map(ProtocolValues::bytes), head,
        n.opt("processed_downward_messages").map(VectorNode::nat).orElse(0),
        n.opt("hrmp_watermark").map(VectorNode::nat).orElse(rp.number()));
    Optional<VectorNode> code = n.opt("validation_code_hash");
    Hash codeHash = code.isPresent() ? ProtocolValues.hash(code.get())
        : paras.currentCodeHash(para).orElseThrow(() -> n.malformed(
            "para " + para.value() + " is not in initial.paras: give \"validation_code_hash\""));
    Hash paraHead = n.opt("para_head").map(ProtocolValues::hash).orElse(head.hash());
    CandidateDescriptor d = ReceiptSpecs.descriptor(n, para, rp.hash(), pvd.hash(), Hash.blake2b256(head.toByteArray()),
        Hash.ZERO, paraHead, codeHash, session);
    return new CommittedCandidateReceipt(d, commitments);
  }

  private static CommittedCandidateReceipt receipt(VectorNode ref, Map<String, CommittedCandidateReceipt> receipts) {
    CommittedCandidateReceipt r = receipts.get(ref.text());
    if (r == null) {
      throw ref.malformed("unknown candidate \"" + ref.text() + "\"");
    }
    return r;
  }

  private record State(
      HostConfiguration config, int nValidators, ValidatorGroups groups, int sessionStart, int now,
      SessionIndex session, AllowedRelayParentsTracker tracker, Paras paras, PendingAvailability pending,
      SortedMap<ParaId, SortedSet<CoreIndex>> eligible, Map<String, CommittedCandidateReceipt> receipts,
      NameTable names) {

    Inclusion.BlockContext ctx(Paras p) {
      return new Inclusion.BlockContext(now, config, nValidators, groups, sessionStart, tracker, p, Map.of(), session);
    }

    OpOutcome apply(String op, VectorNode args) {
      switch (op) {
        case "sanitize": {
          List<BackedCandidate> backed = new ArrayList<>();
          args.get("backed").list().forEach(b -> backed.add(backed(b)));
          Paras p = args.opt("paras").map(SanitizeBackedCandidatesDriver::paras).orElse(paras);
          SortedMap<ParaId, SortedSet<CoreIndex>> el = args.opt("eligible").map(SanitizeBackedCandidatesDriver::eligible)
              .orElse(eligible);
          ParasInherent.SanitizedCandidates s = ParasInherent.sanitizeBackedCandidates(backed, ctx(p), pending, el);
          ObjectNode o = Canonical.object();
          ObjectNode kept = o.putObject("kept");
          s.kept().forEach((para, l) -> {
            ArrayNode a = kept.putArray(String.valueOf(para.value()));
            for (CandidateOnCore c : l) {
              ObjectNode e = a.addObject();
              e.put("candidate", names.render(c.candidate().hash()));
              e.put("core", c.core().value());
            }
          });
          ArrayNode dropped = o.putArray("dropped");
          for (DroppedCandidate d : s.dropped()) {
            ObjectNode e = dropped.addObject();
            e.put("candidate", names.render(d.candidateHash()));
            e.put("reason", d.reason().name().toLowerCase(Locale.ROOT));
            if (d.detail().isPresent()) {
              e.put("detail", d.detail().get().upstreamName());
            } else {
              e.putNull("detail");
            }
          }
          // Upstream drops silently; the order of parapipe's report is not part of the rule.
          return OpOutcome.ok(o, "dropped");
        }
        case "verify_backed_candidate": {
          CommittedCandidateReceipt r = receipt(args.get("candidate"), receipts);
          OptionalInt prev = args.opt("prev_context").map(v -> OptionalInt.of(v.nat())).orElse(OptionalInt.empty());
          Verification v = new CandidateCheckContext(config, prev, paras, Map.of())
              .verifyBackedCandidate(tracker, r, ProtocolValues.headData(args.get("parent_head")));
          if (v instanceof Verification.Err e) {
            return OpOutcome.err(Canonical.error(e.error().upstreamName()));
          }
          return OpOutcome.ok(Canonical.of("relay_parent_number", ((Verification.Ok) v).relayParentNumber()));
        }
        case "check_backing_votes": {
          BackedCandidate b = backed(args.get("backed"));
          List<ValidatorIndex> group = new ArrayList<>();
          args.get("group").list().forEach(v -> group.add(ValidatorIndex.of(v.nat())));
          BackingCheck c = Inclusion.checkBackingVotes(b, nValidators, group, config.minimumBackingVotes());
          if (c instanceof BackingCheck.Err e) {
            return OpOutcome.err(Canonical.error(e.error().upstreamName()));
          }
          BackingCheck.Ok ok = (BackingCheck.Ok) c;
          ObjectNode o = Canonical.object();
          ArrayNode votes = o.putArray("votes");
          for (BackingCheck.Backer v : ok.votes()) {
            ObjectNode e = votes.addObject();
            e.put("validator_index", v.validator().value());
            e.put("attestation", v.attestation() == ValidityAttestation.IMPLICIT ? "Implicit" : "Explicit");
          }
          o.put("backers", Bits.render(ok.backers()));
          return OpOutcome.ok(o);
        }
        case "process_candidates": {
          TreeMap<ParaId, List<CandidateOnCore>> byPara = new TreeMap<>();
          for (VectorNode c : args.get("candidates").list()) {
            BackedCandidate b = backed(c.get("backed"));
            byPara.computeIfAbsent(b.paraId(), x -> new ArrayList<>()).add(new CandidateOnCore(b, CoreIndex.of(c.get("core").nat())));
          }
          Inclusion.ProcessedCandidates r = Inclusion.processCandidates(ctx(paras), pending, byPara);
          if (r instanceof Inclusion.ProcessedCandidates.Err e) {
            ObjectNode o = Canonical.error(e.error().upstreamName());
            o.put("candidate", names.render(e.candidate().hash()));
            return OpOutcome.err(o);
          }
          Inclusion.ProcessedCandidates.Ok ok = (Inclusion.ProcessedCandidates.Ok) r;
          ObjectNode o = Canonical.object();
          ObjectNode out = o.putObject("pending_availability");
          ok.pending().all().forEach((para, q) -> {
            ArrayNode a = out.putArray(String.valueOf(para.value()));
            for (PendingAvailabilityEntry e : q) {
              ObjectNode x = a.addObject();
              x.put("candidate", names.render(e.hash()));
              x.put("core", e.core().value());
              x.put("relay_parent_number", e.relayParentNumber());
              x.put("backed_in_number", e.backedInNumber());
              x.put("backing_group", e.backingGroup().value());
              x.put("backers", Bits.render(e.backers()));
            }
          });
          ArrayNode events = o.putArray("backed_events");
          ok.events().forEach(e -> events.add(names.render(e.candidateHash())));
          return OpOutcome.ok(o);
        }
        default:
          throw args.get("op").malformed("unknown operation \"" + op + "\" for sanitize_backed_candidates");
      }
    }

    /**
     * {@code {"candidate", "validator_indices": "110", "votes"?: ["Implicit", "Explicit"], "core_index"?: n}}:
     * by default one vote per set bit, the first {@code Implicit} (the seconder), the others {@code Explicit}.
     */
    BackedCandidate backed(VectorNode n) {
      CommittedCandidateReceipt r = receipt(n.get("candidate"), receipts);
      BitVec bits = Bits.read(n.get("validator_indices"));
      List<ValidityAttestation> votes = new ArrayList<>();
      Optional<VectorNode> given = n.opt("votes");
      if (given.isPresent()) {
        given.get().list().forEach(v -> votes.add(
            v.oneOf("Implicit", "Explicit").equals("Implicit") ? ValidityAttestation.IMPLICIT : ValidityAttestation.EXPLICIT));
      } else {
        for (int i = 0; i < bits.countOnes(); i++) {
          votes.add(i == 0 ? ValidityAttestation.IMPLICIT : ValidityAttestation.EXPLICIT);
        }
      }
      Optional<CoreIndex> core = n.opt("core_index").map(c -> CoreIndex.of(c.nat()));
      return new BackedCandidate(r, votes, bits, core);
    }
  }
}
