package io.parapipe.report.pipeline;

import static io.parapipe.report.Markup.escape;

import io.parapipe.report.Markup;
import io.parapipe.report.run.CandidateTiming;
import io.parapipe.report.run.CandidateView;
import io.parapipe.report.run.PanicView;
import io.parapipe.report.run.RelayBlockView;
import io.parapipe.report.run.RelayView;
import io.parapipe.report.run.TraceView;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Renders a {@link PipelineDiagram} as a standalone SVG element, in the style of the Polkadot
 * wiki's sync and async backing pipeline tables: relay blocks as columns, para blocks as rows,
 * each cell coloured and lettered by stage. Every cell carries a tooltip with the candidate's
 * times; with a trace, the tooltips add seconding and attestation times and a row shows the
 * bitfields each relay block carried.
 */
public final class SvgPipeline {
  private static final int CELL_W = 40;
  private static final int CELL_H = 22;
  private static final int GAP = 2;
  private static final int LABEL_W = 60;
  private static final int TITLE_H = 26;
  private static final int HEAD_H = 20;
  private static final int SUB_H = 16;
  private static final int LEGEND_H = 48;

  private SvgPipeline() {}

  /**
   * @param stage a stage
   * @return its fill colour
   */
  public static String colour(Stage stage) {
    return switch (stage) {
      case BUILT -> "#4e79a7";
      case AWAITING_BACKING -> "#d4d4d4";
      case BACKED -> "#f28e2b";
      case PENDING_AVAILABILITY -> "#edc948";
      case INCLUDED -> "#59a14f";
      case TIMED_OUT -> "#e15759";
    };
  }

  private static String textColour(Stage stage) {
    return switch (stage) {
      case BUILT, INCLUDED, TIMED_OUT -> "#ffffff";
      default -> "#222222";
    };
  }

  /**
   * @param d the diagram
   * @param relay the run's relay chain, for block times
   * @param trace the run's trace, or null
   * @param id the element id of the {@code <svg>} (unique in the page)
   * @return an {@code <svg>} element, well-formed XML, with no external references
   */
  public static String render(PipelineDiagram d, RelayView relay, TraceView trace, String id) {
    PipelineWindow w = d.window();
    boolean times = !relay.chain().isEmpty();
    boolean bitfields = trace != null && !trace.bitfieldsByBlock().isEmpty();
    int top = TITLE_H + HEAD_H + (times ? SUB_H : 0) + (bitfields ? SUB_H : 0);
    int rowCount = Math.max(1, d.rows().size()) + (d.panics().isEmpty() ? 0 : 1);
    int width = LABEL_W + w.width() * (CELL_W + GAP) + 8;
    int height = top + rowCount * (CELL_H + GAP) + LEGEND_H;
    width = Math.max(width, 560);

    StringBuilder s = new StringBuilder();
    s.append(String.format(Locale.ROOT,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"%s\" class=\"pipeline\" width=\"%d\""
            + " height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\" font-family=\"sans-serif\""
            + " font-size=\"12\">\n",
        escape(id), width, height, width, height));
    String title = "Pipeline of para " + d.paraId()
        + (d.backing().isEmpty() ? "" : " (" + d.backing() + " backing)")
        + ", relay blocks R" + w.from() + " to R" + w.to();
    s.append("<title>").append(escape(title)).append("</title>\n");
    s.append("<rect x=\"0\" y=\"0\" width=\"").append(width).append("\" height=\"").append(height)
        .append("\" fill=\"#ffffff\"/>\n");
    s.append("<text x=\"4\" y=\"17\" font-size=\"14\" font-weight=\"bold\">")
        .append(escape(title)).append("</text>\n");

    int y = TITLE_H;
    for (int b = w.from(); b <= w.to(); b++) {
      int x = colX(w, b);
      Optional<RelayBlockView> block = relay.block(b);
      String tip = "R" + b + block.filter(v -> v.authoredAtMs() >= 0)
          .map(v -> " authored at " + Markup.number(v.authoredAtMs() / 1000.0, 3) + " s"
              + (v.author() >= 0 ? " by validator " + v.author() : ""))
          .orElse("");
      s.append(String.format(Locale.ROOT,
          "<g class=\"relay-block\"><title>%s</title><text x=\"%d\" y=\"%d\" text-anchor=\"middle\""
              + " font-weight=\"bold\">R%d</text></g>\n",
          escape(tip), x + CELL_W / 2, y + 14, b));
    }
    y += HEAD_H;
    if (times) {
      s.append(subLabel("time (s)", y));
      for (int b = w.from(); b <= w.to(); b++) {
        Optional<RelayBlockView> block = relay.block(b);
        if (block.isPresent() && block.get().authoredAtMs() >= 0) {
          s.append(subValue(w, b, y, Markup.number(block.get().authoredAtMs() / 1000.0, 0)));
        }
      }
      y += SUB_H;
    }
    if (bitfields) {
      s.append(subLabel("bitfields", y));
      for (int b = w.from(); b <= w.to(); b++) {
        Optional<Integer> n = relay.block(b).flatMap(v -> trace.bitfields(v.hash()));
        if (n.isPresent()) {
          s.append(subValue(w, b, y, String.valueOf(n.get())));
        }
      }
      y += SUB_H;
    }

    for (int b = w.from(); b <= w.to(); b++) {
      s.append(String.format(Locale.ROOT,
          "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#f4f4f4\"/>\n",
          colX(w, b), y, CELL_W, rowCount * (CELL_H + GAP) - GAP));
    }
    if (d.rows().isEmpty()) {
      s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text>\n", LABEL_W, y + 15,
          "no candidate of this para in these relay blocks"));
    }
    for (PipelineRow r : d.rows()) {
      CandidateView c = r.candidate();
      s.append("<g class=\"candidate\" data-para-block=\"").append(c.paraBlock()).append("\">");
      s.append(String.format(Locale.ROOT, "<text x=\"4\" y=\"%d\" font-weight=\"bold\">%s</text>",
          y + 15, escape(r.label())));
      for (var e : r.cells().entrySet()) {
        int b = e.getKey();
        Stage st = e.getValue();
        int x = colX(w, b);
        s.append(String.format(Locale.ROOT,
            "<g class=\"cell\" data-relay-block=\"%d\" data-stage=\"%s\"><title>%s</title>"
                + "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" rx=\"3\" fill=\"%s\"/>"
                + "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" fill=\"%s\" font-weight=\"bold\">"
                + "%s</text></g>",
            b, st.name(), escape(tooltip(r, b, st, relay, trace)), x, y, CELL_W, CELL_H,
            colour(st), x + CELL_W / 2, y + 15, textColour(st), escape(st.symbol())));
      }
      s.append("</g>\n");
      y += CELL_H + GAP;
    }
    if (d.rows().isEmpty()) {
      y += CELL_H + GAP;
    }
    if (!d.panics().isEmpty()) {
      s.append(String.format(Locale.ROOT,
          "<g class=\"panics\"><text x=\"4\" y=\"%d\" font-weight=\"bold\" fill=\"#b2182b\">panic</text>",
          y + 15));
      for (int b = w.from(); b <= w.to(); b++) {
        List<PanicMark> at = d.panicsAt(b);
        if (at.isEmpty()) {
          continue;
        }
        StringBuilder tip = new StringBuilder();
        for (PanicMark m : at) {
          PanicView p = m.panic();
          tip.append(String.format(Locale.ROOT, "%.3f s, collator %d, para block %d: %s. ",
              p.atMs() / 1000.0, p.collator(), p.paraBlock(), p.message()));
        }
        int x = colX(w, b);
        s.append(String.format(Locale.ROOT,
            "<g class=\"panic\" data-relay-block=\"%d\"><title>%s</title><rect x=\"%d\" y=\"%d\""
                + " width=\"%d\" height=\"%d\" rx=\"3\" fill=\"#ffffff\" stroke=\"#b2182b\""
                + " stroke-width=\"2\"/><text x=\"%d\" y=\"%d\" text-anchor=\"middle\""
                + " fill=\"#b2182b\" font-weight=\"bold\">!%s</text></g>",
            b, escape(tip.toString().trim()), x + 1, y + 1, CELL_W - 2, CELL_H - 2,
            x + CELL_W / 2, y + 15, at.size() > 1 ? String.valueOf(at.size()) : ""));
      }
      s.append("</g>\n");
      y += CELL_H + GAP;
    }
    legend(s, y + 8);
    s.append("</svg>\n");
    return s.toString();
  }

  private static void legend(StringBuilder s, int y) {
    int x = 4;
    s.append("<g class=\"legend\">");
    for (Stage st : Stage.values()) {
      String label = st.symbol() + " " + st.meaning();
      s.append(String.format(Locale.ROOT,
          "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" rx=\"2\" fill=\"%s\"/>"
              + "<text x=\"%d\" y=\"%d\" font-size=\"11\">%s</text>",
          x, y, colour(st), x + 16, y + 10, escape(label)));
      x += 22 + label.length() * 6;
      if (x > 470) {
        x = 4;
        y += 18;
      }
    }
    s.append(String.format(Locale.ROOT,
        "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" rx=\"2\" fill=\"#ffffff\""
            + " stroke=\"#b2182b\" stroke-width=\"2\"/><text x=\"%d\" y=\"%d\" font-size=\"11\">"
            + "! runtime panic</text>",
        x, y, x + 16, y + 10));
    s.append("</g>\n");
  }

  private static int colX(PipelineWindow w, int block) {
    return LABEL_W + (block - w.from()) * (CELL_W + GAP);
  }

  private static String subLabel(String label, int y) {
    return String.format(Locale.ROOT,
        "<text x=\"4\" y=\"%d\" font-size=\"10\" fill=\"#555555\">%s</text>\n", y + 11, label);
  }

  private static String subValue(PipelineWindow w, int b, int y, String value) {
    return String.format(Locale.ROOT,
        "<text x=\"%d\" y=\"%d\" font-size=\"10\" fill=\"#555555\" text-anchor=\"middle\">%s</text>\n",
        colX(w, b) + CELL_W / 2, y + 11, escape(value));
  }

  private static String tooltip(
      PipelineRow r, int block, Stage st, RelayView relay, TraceView trace) {
    CandidateView c = r.candidate();
    StringBuilder t = new StringBuilder();
    t.append(r.label()).append(" in R").append(block).append(": ").append(st.meaning()).append('.');
    t.append(" Relay parent R").append(c.relayParent());
    if (c.authoredAtMs() >= 0) {
      t.append(", sealed at ").append(Markup.number(c.authoredAtMs() / 1000.0, 3))
          .append(" s");
    }
    if (!Double.isNaN(c.authoringMs())) {
      t.append(", took ").append(Markup.number(c.authoringMs(), 0)).append(" ms");
    }
    if (c.refTimePs() >= 0) {
      t.append(", ref_time ").append(Markup.number(c.refTimePs() / 1e9, 0)).append(" ms");
    }
    t.append('.');
    if (trace != null) {
      Optional<CandidateTiming> timing = trace.timing(c.hash());
      if (timing.isPresent()) {
        CandidateTiming ct = timing.get();
        if (ct.secondedUs() >= 0) {
          t.append(" Seconded at ").append(Markup.number(ct.secondedUs() / 1e6, 3)).append(" s.");
        }
        if (ct.attestedUs() >= 0) {
          t.append(" Attested at ").append(Markup.number(ct.attestedUs() / 1e6, 3)).append(" s.");
        }
      }
    }
    if (c.backedIn() != null) {
      t.append(" Backed in R").append(c.backedIn()).append('.');
    }
    if (c.includedIn() != null) {
      t.append(" Included in R").append(c.includedIn());
      relay.block(c.includedIn()).filter(b -> b.authoredAtMs() >= 0 && c.authoredAtMs() >= 0)
          .ifPresent(b -> t.append(", ")
              .append(Markup.number((b.authoredAtMs() - c.authoredAtMs()) / 1000.0, 2))
              .append(" s after it was sealed"));
      t.append('.');
    }
    if (c.timedOutIn() != null) {
      t.append(" Timed out in R").append(c.timedOutIn()).append('.');
    }
    if (c.core() >= 0) {
      t.append(" Core ").append(c.core()).append('.');
    }
    return t.toString();
  }
}
