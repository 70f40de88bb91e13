package io.parapipe.doctor.check;

/**
 * A phase and why it was decided.
 *
 * @param phase the phase
 * @param reason one sentence: the facts that decided it, or what is missing
 */
public record PhaseDecision(Phase phase, String reason) {}
