package io.parapipe.sim.trace;

import io.parapipe.protocol.events.FieldWriter;
import io.parapipe.protocol.events.TraceEvent;
import io.parapipe.protocol.host.ProtocolEvent;
import io.parapipe.protocol.para.runtime.ParaBlockHeader;
import io.parapipe.protocol.primitives.Hash;
import io.parapipe.protocol.primitives.HeadData;
import io.parapipe.sim.EventObserver;
import io.parapipe.sim.results.RunFileUserError;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the event trace as JSON Lines (docs/trace.md): a header line
 * {@code {"schema":"parapipe.trace/1"}}, then one compact object per event,
 * {@code {"t_us":…,"node":…,"type":…,<fields in writeFields order>}}, UTF-8, {@code "\n"} line
 * ends. Events that are not {@link TraceEvent}s are skipped. Same events, same bytes.
 *
 * <p>Runs write millions of lines, so the writer formats straight into its own byte buffer: no
 * strings, boxing or JSON library per event. A write failure ends the run with a
 * {@link RunFileUserError} naming the file.
 */
public final class TraceWriter implements EventObserver, Closeable {
  private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  private static final int CAPACITY = 1 << 16;

  private final OutputStream out;
  private final String name;
  private byte[] buf = new byte[CAPACITY];
  private int len;
  private long lines;
  private boolean closed;
  private final Fields fields = new Fields();

  /**
   * A writer onto a stream; {@link #close} closes the stream.
   *
   * @param out where the lines go (the writer buffers; pass an unbuffered stream)
   * @param name names the destination in error messages
   */
  public TraceWriter(OutputStream out, String name) {
    this.out = out;
    this.name = name;
    raw(HEADER);
  }

  /** The trace format's name and version, written in the first line. */
  public static final String SCHEMA = "parapipe.trace/1";

  /** The first line of every trace (without its {@code \n}). */
  public static final String HEADER_LINE = "{\"schema\":\"" + SCHEMA + "\"}";

  private static final String HEADER = HEADER_LINE + "\n";

  /**
   * Creates (or replaces) a trace file.
   *
   * @throws RunFileUserError if the file cannot be created
   */
  public static TraceWriter open(Path file) {
    try {
      return new TraceWriter(Files.newOutputStream(file), "trace file " + file);
    } catch (IOException e) {
      throw new RunFileUserError("cannot write trace file " + file + ": " + reason(e), e);
    }
  }

  /** Event lines written so far (the header line is not counted). */
  public long lines() {
    return lines;
  }

  @Override
  public void onEvent(long timeMicros, int node, ProtocolEvent event) {
    if (!(event instanceof TraceEvent e)) {
      return;
    }
    if (buf.length - len < 4096) {
      drain();
    }
    raw("{\"t_us\":");
    number(timeMicros);
    raw(",\"node\":");
    number(node);
    raw(",\"type\":");
    string(e.type());
    e.writeFields(fields);
    put((byte) '}');
    put((byte) '\n');
    lines++;
  }

  /** Writes buffered lines to the stream and flushes it. */
  public void flush() {
    drain();
    try {
      out.flush();
    } catch (IOException e) {
      throw failure(e);
    }
  }

  /** Flushes and closes the stream. Safe to call twice. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      drain();
    } finally {
      try {
        out.close();
      } catch (IOException e) {
        throw failure(e);
      }
    }
  }

  private void drain() {
    if (len == 0) {
      return;
    }
    try {
      out.write(buf, 0, len);
    } catch (IOException e) {
      throw failure(e);
    } finally {
      len = 0;
    }
  }

  private RunFileUserError failure(IOException e) {
    return new RunFileUserError("cannot write " + name + ": " + reason(e), e);
  }

  private static String reason(IOException e) {
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof java.nio.file.NoSuchFileException) {
      return "no such file or directory";
    }
    if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
      return f.getReason();
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  // --- formatting into the buffer ---

  private void ensure(int n) {
    if (buf.length - len < n) {
      drain();
      if (buf.length < n) {
        buf = new byte[Math.max(n, buf.length * 2)];
      }
    }
  }

  private void put(byte b) {
    ensure(1);
    buf[len++] = b;
  }

  /** ASCII text without escaping (names and punctuation). */
  private void raw(String s) {
    int n = s.length();
    ensure(n);
    for (int i = 0; i < n; i++) {
      buf[len++] = (byte) s.charAt(i);
    }
  }

  private void number(long v) {
    ensure(20);
    if (v == Long.MIN_VALUE) {
      raw("-9223372036854775808");
      return;
    }
    if (v < 0) {
      buf[len++] = '-';
      v = -v;
    }
    int digits = 1;
    for (long t = v; t >= 10; t /= 10) {
      digits++;
    }
    for (int i = len + digits - 1; i >= len; i--) {
      buf[i] = (byte) ('0' + (v % 10));
      v /= 10;
    }
    len += digits;
  }

  private void hash(Hash h) {
    ensure(68);
    buf[len++] = '"';
    buf[len++] = '0';
    buf[len++] = 'x';
    for (int i = 0; i < 32; i++) {
      int b = h.byteAt(i) & 0xff;
      buf[len++] = HEX[b >>> 4];
      buf[len++] = HEX[b & 0xf];
    }
    buf[len++] = '"';
  }

  /** A JSON string: quotes, escapes for {@code "} {@code \} and control characters, UTF-8. */
  private void string(String s) {
    put((byte) '"');
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      ensure(12);
      if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
        buf[len++] = (byte) c;
      } else if (c == '"' || c == '\\') {
        buf[len++] = '\\';
        buf[len++] = (byte) c;
      } else if (c == '\n') {
        buf[len++] = '\\';
        buf[len++] = 'n';
      } else if (c == '\t') {
        buf[len++] = '\\';
        buf[len++] = 't';
      } else if (c == '\r') {
        buf[len++] = '\\';
        buf[len++] = 'r';
      } else if (c < 0x20) {
        buf[len++] = '\\';
        buf[len++] = 'u';
        buf[len++] = '0';
        buf[len++] = '0';
        buf[len++] = HEX[c >>> 4];
        buf[len++] = HEX[c & 0xf];
      } else if (c < 0x800) {
        buf[len++] = (byte) (0xc0 | (c >>> 6));
        buf[len++] = (byte) (0x80 | (c & 0x3f));
      } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
        int cp = Character.toCodePoint(c, s.charAt(++i));
        buf[len++] = (byte) (0xf0 | (cp >>> 18));
        buf[len++] = (byte) (0x80 | ((cp >>> 12) & 0x3f));
        buf[len++] = (byte) (0x80 | ((cp >>> 6) & 0x3f));
        buf[len++] = (byte) (0x80 | (cp & 0x3f));
      } else if (Character.isSurrogate(c)) {
        // A lone surrogate has no UTF-8 form; write it escaped so the line stays valid JSON.
        buf[len++] = '\\';
        buf[len++] = 'u';
        buf[len++] = HEX[c >>> 12];
        buf[len++] = HEX[(c >>> 8) & 0xf];
        buf[len++] = HEX[(c >>> 4) & 0xf];
        buf[len++] = HEX[c & 0xf];
      } else {
        buf[len++] = (byte) (0xe0 | (c >>> 12));
        buf[len++] = (byte) (0x80 | ((c >>> 6) & 0x3f));
        buf[len++] = (byte) (0x80 | (c & 0x3f));
      }
    }
    put((byte) '"');
  }

  /** Receives one event's fields; writes {@code ,"name":value} for each. */
  private final class Fields implements FieldWriter {
    private void name(String name) {
      raw(",\"");
      raw(name);
      raw("\":");
    }

    @Override
    public void field(String name, long value) {
      name(name);
      number(value);
    }

    @Override
    public void field(String name, double value) {
      name(name);
      if (Double.isFinite(value)) {
        raw(Double.toString(value)); // shortest exact text; digits, '.', '-', 'E' only
      } else {
        raw("null");
      }
    }

    @Override
    public void field(String name, boolean value) {
      name(name);
      raw(value ? "true" : "false");
    }

    @Override
    public void field(String name, String value) {
      name(name);
      if (value == null) {
        raw("null");
      } else {
        string(value);
      }
    }

    @Override
    public void field(String name, Hash value) {
      name(name);
      if (value == null) {
        raw("null");
      } else {
        hash(value);
      }
    }

    @Override
    public void field(String name, List<Hash> values) {
      name(name);
      put((byte) '[');
      for (int i = 0, n = values.size(); i < n; i++) {
        if (i > 0) {
          put((byte) ',');
        }
        Hash h = values.get(i);
        if (h == null) {
          raw("null");
        } else {
          hash(h);
        }
      }
      put((byte) ']');
    }

    /**
     * Writes the para block number the head's header encodes, or -1 if it is not a header
     * parapipe's para runtime wrote. Decoding is the host's business: validators never read
     * para heads.
     */
    @Override
    public void paraHead(String name, HeadData head) {
      field(name, (long) ParaBlockHeader.decode(head).map(ParaBlockHeader::number).orElse(-1));
    }

    @Override
    public void intList(String name, List<Integer> values) {
      name(name);
      put((byte) '[');
      for (int i = 0, n = values.size(); i < n; i++) {
        if (i > 0) {
          put((byte) ',');
        }
        number(values.get(i));
      }
      put((byte) ']');
    }
  }
}
