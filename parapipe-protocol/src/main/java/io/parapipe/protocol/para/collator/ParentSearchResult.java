package io.parapipe.protocol.para.collator;

import io.parapipe.protocol.para.runtime.ParaBlockHeader;

/**
 * F2's {@code ParentSearchResult}.
 *
 * @param includedHeader the head included at the relay parent
 * @param bestParentHeader the block to build on: the deepest valid descendant of the pending (or
 *     included) block
 */
public record ParentSearchResult(ParaBlockHeader includedHeader, ParaBlockHeader bestParentHeader) {
  /** {@code best.number − included.number}: the unincluded segment length below the new block. */
  public int unincludedSegmentLength() {
    return bestParentHeader.number() - includedHeader.number();
  }
}
