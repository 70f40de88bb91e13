package io.parapipe.doctor.extract;

import io.parapipe.doctor.eval.Alternative;
import io.parapipe.doctor.eval.Origin;

/**
 * One place where the node starts a collator.
 *
 * @param kind which collator
 * @param origin the call (e.g. {@code aura::run(params)})
 * @param authoringDuration the {@code authoring_duration} given to it (a {@code Duration} value,
 *     or unknown), or null when none was found
 * @param note how the kind was recognised when not from a direct call (omni-node), or null
 */
public record CollatorLaunch(CollatorKind kind, Origin origin, Alternative authoringDuration, String note) {}
