package io.parapipe.sim.scenario;

/**
 * One para of a scenario: its id, runtime settings ({@code [para]} keys) and collator settings
 * ({@code [collator]} keys), defaults already applied.
 *
 * @param id the para id
 * @param runtime the runtime settings
 * @param collator the collator settings
 */
public record ParaSpec(int id, Values runtime, Values collator) {}
