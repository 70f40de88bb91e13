package io.parapipe.protocol.relay.runtime.paras;

import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.HeadData;
import java.util.Objects;

/**
 * What the {@code paras} pallet stores for one para.
 *
 * @param head {@code Heads}: the latest included head
 * @param currentCodeHash {@code CurrentCodeHash}: the validation code in force
 * @param mostRecentContext {@code MostRecentContext}: the relay parent number of the latest
 *     included candidate (0 at genesis)
 */
public record ParaInfo(HeadData head, Hash currentCodeHash, int mostRecentContext) {
  /** Rejects nulls. */
  public ParaInfo {
    Objects.requireNonNull(head, "head");
    Objects.requireNonNull(currentCodeHash, "currentCodeHash");
  }
}
