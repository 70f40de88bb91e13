package io.parapipe.conformance;

import io.parapipe.protocol.primitives.CandidateCommitments;
import io.parapipe.protocol.primitives.CandidateDescriptor;
import io.parapipe.protocol.primitives.CommittedCandidateReceipt;
import io.parapipe.protocol.primitives.CoreIndex;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.ParaId;
import io.parapipe.protocol.primitives.PersistedValidationData;
import io.parapipe.protocol.primitives.SessionIndex;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A candidate defined once in {@code initial.candidates} and referred to by name (the node-side
 * components: candidate storage, fragment chain, prospective parachains).
 *
 * <p>Fields: {@code para_id}, {@code relay_parent} (a name or hash), {@code relay_parent_number},
 * {@code parent_head}, {@code max_pov_size}, {@code validation_code_hash} and the commitments'
 * {@code head_data}, {@code hrmp_watermark}, {@code processed_downward_messages} are required;
 * {@code relay_parent_storage_root} (zero hash), {@code upward_messages}, {@code horizontal_messages},
 * {@code new_validation_code} and {@code para_head} (the descriptor's output head hash, by default
 * the hash of {@code head_data}) are optional. {@code hash} fixes the candidate hash where the
 * component allows it; otherwise the candidate hash is the implementation's hash of the receipt.
 *
 * @param name the name
 * @param hash the candidate hash
 * @param receipt the committed receipt (its descriptor commits to {@code pvd})
 * @param pvd the persisted validation data
 */
public record CandidateSpec(String name, Hash hash, CommittedCandidateReceipt receipt, PersistedValidationData pvd) {

  /** The para. */
  public ParaId paraId() {
    return receipt.paraId();
  }

  /** The relay parent's hash. */
  public Hash relayParent() {
    return receipt.descriptor().relayParent();
  }

  /**
   * Reads {@code initial.candidates} and defines each name. Relay-parent names must already be
   * defined.
   *
   * @param allowHash whether {@code hash} may fix the candidate hash
   */
  public static Map<String, CandidateSpec> readAll(VectorNode candidates, NameTable names, boolean allowHash) {
    Map<String, CandidateSpec> out = new LinkedHashMap<>();
    for (Map.Entry<String, VectorNode> e : candidates.entries().entrySet()) {
      CandidateSpec c = read(e.getKey(), e.getValue(), names, allowHash);
      names.define(e.getKey(), c.hash(), e.getValue().path());
      out.put(e.getKey(), c);
    }
    return out;
  }

  private static CandidateSpec read(String name, VectorNode n, NameTable names, boolean allowHash) {
    ParaId para = ProtocolValues.paraId(n.get("para_id"));
    Hash relayParent = names.resolve(n.get("relay_parent"));
    int rpNumber = n.get("relay_parent_number").nat();
    Hash root = n.opt("relay_parent_storage_root").map(ProtocolValues::hash).orElse(Hash.ZERO);
    PersistedValidationData pvd = new PersistedValidationData(
        ProtocolValues.headData(n.get("parent_head")), rpNumber, root, n.get("max_pov_size").nat());
    CandidateCommitments commitments = ProtocolValues.commitments(n);
    Hash paraHead = n.opt("para_head").map(ProtocolValues::hash).orElse(commitments.headData().hash());
    CandidateDescriptor d = new CandidateDescriptor(para, relayParent, CoreIndex.of(0), SessionIndex.of(1),
        pvd.hash(), Hash.ZERO, Hash.ZERO, paraHead, ProtocolValues.hash(n.get("validation_code_hash")));
    CommittedCandidateReceipt receipt = new CommittedCandidateReceipt(d, commitments);
    Optional<Hash> fixed = allowHash ? n.opt("hash").map(ProtocolValues::hash) : Optional.empty();
    return new CandidateSpec(name, fixed.orElse(receipt.hash()), receipt, pvd);
  }

  /**
   * Resolves a candidate reference: a name from {@code initial.candidates}.
   *
   * @throws MalformedVectorException if the name is not a candidate
   */
  public static CandidateSpec resolve(VectorNode ref, Map<String, CandidateSpec> candidates) {
    String s = ref.text();
    CandidateSpec c = candidates.get(s);
    if (c == null) {
      throw ref.malformed("unknown candidate \"" + s + "\"");
    }
    return c;
  }
}
