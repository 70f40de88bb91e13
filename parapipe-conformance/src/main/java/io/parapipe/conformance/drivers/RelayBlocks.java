package io.parapipe.conformance.drivers;

import io.parapipe.conformance.NameTable;
import io.parapipe.conformance.ProtocolValues;
import io.parapipe.conformance.VectorNode;
import io.parapipe.protocol.relay.node.prospective.RelayChainBlockInfo;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The relay blocks a vector names in {@code initial.relay_blocks}: {@code {name: {"hash",
 * "number", "storage_root"}}}. A relay-block reference is such a name or an inline object.
 */
final class RelayBlocks {
  private final Map<String, RelayChainBlockInfo> byName = new LinkedHashMap<>();

  static RelayBlocks read(Optional<VectorNode> node, NameTable names) {
    RelayBlocks b = new RelayBlocks();
    if (node.isPresent()) {
      for (Map.Entry<String, VectorNode> e : node.get().entries().entrySet()) {
        RelayChainBlockInfo info = ProtocolValues.relayBlock(e.getValue());
        names.define(e.getKey(), info.hash(), e.getValue().path());
        b.byName.put(e.getKey(), info);
      }
    }
    return b;
  }

  /** A reference: a name of {@code initial.relay_blocks} or an inline block object. */
  RelayChainBlockInfo resolve(VectorNode ref) {
    if (ref.isObject()) {
      return ProtocolValues.relayBlock(ref);
    }
    String s = ref.text();
    RelayChainBlockInfo b = byName.get(s);
    if (b == null) {
      throw ref.malformed("unknown relay block \"" + s + "\"");
    }
    return b;
  }
}
