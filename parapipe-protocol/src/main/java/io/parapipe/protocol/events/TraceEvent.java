package io.parapipe.protocol.events;

import io.parapipe.protocol.host.ProtocolEvent;

/** A protocol event that appears in traces: a stable type name and its fields. */
public interface TraceEvent extends ProtocolEvent {
  /** The trace {@code type}, as documented in docs/trace.md. */
  String type();

  /** Writes the event's fields in documentation order. */
  void writeFields(FieldWriter w);
}
