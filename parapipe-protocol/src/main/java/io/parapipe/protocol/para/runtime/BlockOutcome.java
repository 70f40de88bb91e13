package io.parapipe.protocol.para.runtime;

/** What executing a para block gives: the new state, or the runtime's panic. */
public sealed interface BlockOutcome permits BuiltBlock, RuntimePanic {}
