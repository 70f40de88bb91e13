package io.parapipe.report.run;

/**
 * A runtime panic of the modelled parachain runtime, with the exact upstream message.
 *
 * @param atMs virtual time in ms, or -1
 * @param collator collator node that hit it, or -1
 * @param paraBlock para block number being built or imported, or -1
 * @param message the panic message
 */
public record PanicView(long atMs, int collator, int paraBlock, String message) {}
