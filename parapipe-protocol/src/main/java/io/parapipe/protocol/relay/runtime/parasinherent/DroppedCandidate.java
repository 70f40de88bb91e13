package io.parapipe.protocol.relay.runtime.parasinherent;

import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.ParaId;
import io.parapipe.protocol.relay.runtime.inclusion.InclusionError;
import java.util.Optional;

/**
 * A backed candidate the runtime did not back in this block.
 *
 * @param candidateHash the candidate hash
 * @param para its para
 * @param reason why it was dropped
 * @param detail the inclusion check that failed, for {@code VERIFICATION_FAILED} and {@code BACKING_FAILED}
 */
public record DroppedCandidate(Hash candidateHash, ParaId para, SanitizeReason reason, Optional<InclusionError> detail) {}
