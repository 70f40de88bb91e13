package io.parapipe.report.pipeline;

import io.parapipe.report.run.PanicView;
import java.util.Locale;

/**
 * Renders a {@link PipelineDiagram} as plain ASCII text for the terminal, one row per candidate,
 * one column per relay block, the stage symbol in each cell, then a legend and the panics.
 */
public final class TextPipeline {
  private static final String PANIC_ROW = "panic";

  private TextPipeline() {}

  /**
   * @param d the diagram
   * @return the text, lines separated by {@code \n}, ending with a newline
   */
  public static String render(PipelineDiagram d) {
    PipelineWindow w = d.window();
    int col = Math.max(3, ("R" + w.to()).length()) + 1;
    int labelWidth = PANIC_ROW.length();
    for (PipelineRow r : d.rows()) {
      labelWidth = Math.max(labelWidth, r.label().length());
    }
    labelWidth += 2;

    StringBuilder out = new StringBuilder();
    out.append("para ").append(d.paraId());
    if (!d.backing().isEmpty()) {
      out.append(" (").append(d.backing()).append(" backing)");
    }
    out.append(", relay blocks R").append(w.from()).append("..R").append(w.to()).append('\n');

    StringBuilder header = new StringBuilder(pad("", labelWidth));
    for (int b = w.from(); b <= w.to(); b++) {
      header.append(pad("R" + b, col));
    }
    line(out, header);
    if (d.rows().isEmpty()) {
      out.append("(no candidate of this para in these relay blocks)\n");
    }
    for (PipelineRow r : d.rows()) {
      StringBuilder row = new StringBuilder(pad(r.label(), labelWidth));
      for (int b = w.from(); b <= w.to(); b++) {
        row.append(pad(r.at(b).map(Stage::symbol).orElse(""), col));
      }
      line(out, row);
    }
    if (!d.panics().isEmpty()) {
      StringBuilder row = new StringBuilder(pad(PANIC_ROW, labelWidth));
      for (int b = w.from(); b <= w.to(); b++) {
        row.append(pad(d.panicsAt(b).isEmpty() ? "" : "!", col));
      }
      line(out, row);
    }
    out.append('\n');
    StringBuilder legend = new StringBuilder("legend:");
    for (Stage s : Stage.values()) {
      legend.append(' ').append(s.symbol()).append(' ').append(s.meaning()).append(',');
    }
    legend.append(" ! runtime panic\n");
    out.append(legend);
    for (PanicMark m : d.panics()) {
      PanicView p = m.panic();
      out.append(String.format(Locale.ROOT, "panic in R%d at %.3f s: collator %d, para block %d: %s\n",
          m.relayBlock(), p.atMs() / 1000.0, p.collator(), p.paraBlock(), p.message()));
    }
    if (d.panicsOutside() > 0) {
      out.append(d.panicsOutside()).append(d.panicsOutside() == 1 ? " panic" : " panics")
          .append(" of this para outside these relay blocks\n");
    }
    return out.toString();
  }

  private static String pad(String s, int width) {
    return s.length() >= width ? s : s + " ".repeat(width - s.length());
  }

  private static void line(StringBuilder out, StringBuilder line) {
    int end = line.length();
    while (end > 0 && line.charAt(end - 1) == ' ') {
      end--;
    }
    out.append(line, 0, end).append('\n');
  }
}
