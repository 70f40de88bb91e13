package io.parapipe.sim.scenario;

/**
 * One para of a scenario: its id, the number of bulk-coretime cores it holds, runtime settings
 * ({@code [para]} keys) and collator settings ({@code [collator]} keys), defaults already applied.
 *
 * @param id the para id
 * @param cores the cores assigned to it ({@code [[paras]] cores}, at least 1)
 * @param runtime the runtime settings
 * @param collator the collator settings
 */
public record ParaSpec(int id, int cores, Values runtime, Values collator) {}
