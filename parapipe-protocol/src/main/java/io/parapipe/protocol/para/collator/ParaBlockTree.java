package io.parapipe.protocol.para.collator;

import io.parapipe.protocol.para.runtime.ParaBlockHeader;
import io.parapipe.protocol.primitives.Hash;
import java.util.List;
import java.util.Optional;

/**
 * A collator's local tree of imported para blocks (the part of the client backend the parent
 * search uses). The relay parent of a block is in its header digest
 * ({@link ParaBlockHeader#relayParent()}, {@link ParaBlockHeader#relayParentStorageRoot()}).
 */
public interface ParaBlockTree {
  /** The header of a locally known block. */
  Optional<ParaBlockHeader> header(Hash hash);

  /**
   * The known children of a block, in a deterministic order (parapipe: import order). The parent
   * search visits them depth-first, last child first, as upstream's stack does.
   */
  List<Hash> children(Hash hash);
}
