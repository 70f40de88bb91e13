package io.parapipe.sim.scenario;

/**
 * One scenario key: its name, type and default.
 *
 * @param name the key as written in TOML
 * @param type how its value is read and checked
 * @param defaultValue the embedded default (already in the parsed representation)
 */
public record KeyDef(String name, KeyType type, Object defaultValue) {}
