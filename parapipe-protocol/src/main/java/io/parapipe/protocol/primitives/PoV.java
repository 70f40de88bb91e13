package io.parapipe.protocol.primitives;

/**
 * A proof of validity as the simulation models it: its hash, its size on the wire, and the
 * {@code ref_time} of the para block inside it, which drives PVF execution time. No real state
 * proof is carried.
 *
 * @param hash the {@code pov_hash} the descriptor commits to
 * @param sizeBytes the compressed PoV size in bytes
 * @param blockRefTime the para block's consumed {@code ref_time} in picoseconds
 */
public record PoV(Hash hash, int sizeBytes, long blockRefTime) {}
