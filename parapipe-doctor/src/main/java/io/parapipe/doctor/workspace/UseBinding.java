package io.parapipe.doctor.workspace;

import io.parapipe.doctor.cfg.Conditions;
import java.util.List;

/**
 * One name brought into a module by a {@code use} declaration ({@code use a::b::C as D;} binds
 * {@code D} to {@code [a, b, C]}), or a glob ({@code use a::b::*;}, {@code alias} null).
 *
 * @param alias the bound name, or null for a glob
 * @param path the imported path, relative to {@code scope}
 * @param scope the module holding the declaration
 * @param conditions its {@code cfg} conditions
 * @param line where it is declared
 */
public record UseBinding(String alias, List<String> path, ModuleScope scope, Conditions conditions, int line) {}
