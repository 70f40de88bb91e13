package io.parapipe.report.pipeline;

import io.parapipe.report.run.PanicView;

/**
 * A runtime panic placed on a pipeline diagram.
 *
 * @param panic the panic
 * @param relayBlock the newest best-chain relay block when it happened, or -1 if unknown
 */
public record PanicMark(PanicView panic, int relayBlock) {}
