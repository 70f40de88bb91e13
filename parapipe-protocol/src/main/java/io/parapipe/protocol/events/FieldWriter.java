package io.parapipe.protocol.events;

import io.parapipe.protocol.primitives.Hash;
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

  /** A list of integers. */
  void intList(String name, List<Integer> values);
}
