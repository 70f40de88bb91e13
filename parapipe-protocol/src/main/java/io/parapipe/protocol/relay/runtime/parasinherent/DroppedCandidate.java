package io.parapipe.protocol.relay.runtime.parasinherent;

import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.ParaId;
import io.parapipe.protocol.primitives.UpstreamError;
import java.util.Optional;

/**
 * A backed candidate the runtime did not back in this block.
 *
 * @param candidateHash the candidate hash
 * @param para its para
 * @param reason why it was dropped
 * @param detail the upstream error behind the reason: the inclusion check that failed
 *     ({@code VERIFICATION_FAILED}, {@code BACKING_FAILED}), or the
 *     {@code CommittedCandidateReceiptError} ({@code UMP_SIGNAL_CHECK_FAILED})
 */
public record DroppedCandidate(Hash candidateHash, ParaId para, SanitizeReason reason,
    Optional<UpstreamError> detail) {}
