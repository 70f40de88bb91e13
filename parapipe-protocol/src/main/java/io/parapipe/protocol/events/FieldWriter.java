package io.parapipe.protocol.events;

import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.HeadData;
import java.util.List;

/**
 * Receives an event's fields in a fixed order, so traces are written without reflection and
 * without the protocol knowing any output format.
 */
public interface FieldWriter {
  /** An integer field. */
  void field(String name, long value);

  /** A number field. */
  void field(String name, double value);

  /** A boolean field. */
  void field(String name, boolean value);

  /** A text field. */
  void field(String name, String value);

  /** A hash field, written as {@code 0x}-hex. */
  void field(String name, Hash value);

  /** A list of hashes. */
  void field(String name, List<Hash> values);

  /**
   * A para head. The relay chain treats heads as opaque bytes, so the protocol hands them over
   * as they are and the writer decides how to render them.
   */
  void paraHead(String name, HeadData head);

  /** A list of integers. */
  void intList(String name, List<Integer> values);
}
