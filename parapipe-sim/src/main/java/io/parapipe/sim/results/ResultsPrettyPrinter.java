package io.parapipe.sim.results;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.PrettyPrinter;
import java.io.IOException;
import java.util.Arrays;

/**
 * Pretty-prints results JSON with two-space indentation and {@code "\n"} line ends, except that
 * elements of arrays nested two or more levels deep (chain blocks, candidates, panics, series
 * points, per-para config entries) are written on one line each: a long run stays readable and
 * diffable. Stateful: one instance per document.
 */
final class ResultsPrettyPrinter implements PrettyPrinter {
  private boolean[] compact = new boolean[16];
  private boolean[] array = new boolean[16];
  private int top = -1; // index of the innermost open container

  private void push(boolean isArray) {
    boolean c = top >= 0 && (compact[top] || (array[top] && top >= 2));
    top++;
    if (top == compact.length) {
      compact = Arrays.copyOf(compact, top * 2);
      array = Arrays.copyOf(array, top * 2);
    }
    compact[top] = c;
    array[top] = isArray;
  }

  private void newLine(JsonGenerator g, int level) throws IOException {
    g.writeRaw('\n');
    for (int i = 0; i < level; i++) {
      g.writeRaw("  ");
    }
  }

  private void beforeFirst(JsonGenerator g) throws IOException {
    if (!compact[top]) {
      newLine(g, top + 1);
    }
  }

  private void separator(JsonGenerator g) throws IOException {
    g.writeRaw(',');
    if (compact[top]) {
      g.writeRaw(' ');
    } else {
      newLine(g, top + 1);
    }
  }

  private void end(JsonGenerator g, int entries, char close) throws IOException {
    if (!compact[top] && entries > 0) {
      newLine(g, top);
    }
    g.writeRaw(close);
    top--;
  }

  @Override
  public void writeRootValueSeparator(JsonGenerator g) throws IOException {
    g.writeRaw('\n');
  }

  @Override
  public void writeStartObject(JsonGenerator g) throws IOException {
    push(false);
    g.writeRaw('{');
  }

  @Override
  public void writeEndObject(JsonGenerator g, int entries) throws IOException {
    end(g, entries, '}');
  }

  @Override
  public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
    separator(g);
  }

  @Override
  public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
    g.writeRaw(": ");
  }

  @Override
  public void writeStartArray(JsonGenerator g) throws IOException {
    push(true);
    g.writeRaw('[');
  }

  @Override
  public void writeEndArray(JsonGenerator g, int values) throws IOException {
    end(g, values, ']');
  }

  @Override
  public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
    separator(g);
  }

  @Override
  public void beforeArrayValues(JsonGenerator g) throws IOException {
    beforeFirst(g);
  }

  @Override
  public void beforeObjectEntries(JsonGenerator g) throws IOException {
    beforeFirst(g);
  }
}
