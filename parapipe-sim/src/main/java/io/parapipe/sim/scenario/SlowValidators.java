package io.parapipe.sim.scenario;

import java.util.List;

/**
 * Validators whose machine is {@code factor} times slower than {@code hardware.validator_speed}:
 * block import and PVF execution (backing and approval checks) take {@code factor} times longer.
 *
 * @param validators the validator indices
 * @param factor how many times slower (at least 1)
 */
public record SlowValidators(List<Integer> validators, double factor) {}
