package io.parapipe.report.html;

import io.parapipe.report.Markup;

/**
 * The shell of every report page: a content security policy that forbids every fetch (no
 * network, no files: only inline styles, inline scripts and {@code data:} images), inline CSS, and
 * a small inline script that turns any script error, rejected promise, blocked fetch or {@code
 * console.error} into an element {@code <pre class="console-error">} inside {@code
 * #console-errors} and a count in the {@code data-console-errors} attribute of {@code <html>}.
 * When the page has finished loading, {@code <html>} gets {@code data-report-ready="1"}. A
 * headless browser's {@code --dump-dom} output thus shows whether the page rendered cleanly.
 */
public final class HtmlPage {
  /** The attribute of {@code <html>} counting console errors; absent when there were none. */
  public static final String ERRORS_ATTRIBUTE = "data-console-errors";

  /** The attribute of {@code <html>} set to {@code "1"} once the page has loaded. */
  public static final String READY_ATTRIBUTE = "data-report-ready";

  /** The policy: nothing may be fetched; inline style and script and data: images only. */
  public static final String CONTENT_SECURITY_POLICY =
      "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:";

  private static final String HOOK = """
      (function () {
        var pending = [];
        function show() {
          var box = document.getElementById('console-errors');
          if (!box) { return; }
          while (pending.length) {
            var item = document.createElement('pre');
            item.className = 'console-error';
            item.textContent = pending.shift();
            box.appendChild(item);
            box.hidden = false;
          }
        }
        function record(kind, message) {
          var root = document.documentElement;
          var n = Number(root.getAttribute('%1$s') || 0) + 1;
          root.setAttribute('%1$s', String(n));
          pending.push(kind + ': ' + message);
          show();
        }
        window.addEventListener('error', function (e) {
          var t = e.target;
          if (t && t !== window && (t.src || t.href)) {
            record('resource', 'failed to load ' + (t.src || t.href));
          } else {
            record('error', e.message + (e.filename ? ' at ' + e.filename + ':' + e.lineno : ''));
          }
        }, true);
        window.addEventListener('unhandledrejection', function (e) {
          record('rejection', String(e.reason));
        });
        document.addEventListener('securitypolicyviolation', function (e) {
          record('blocked', e.violatedDirective + ' ' + e.blockedURI);
        });
        var original = console.error;
        console.error = function () {
          record('console.error', Array.prototype.map.call(arguments, String).join(' '));
          return original.apply(console, arguments);
        };
        document.addEventListener('DOMContentLoaded', show);
        window.addEventListener('load', function () {
          document.documentElement.setAttribute('%2$s', '1');
        });
      })();
      """.formatted(ERRORS_ATTRIBUTE, READY_ATTRIBUTE);

  private static final String CSS = """
      :root { color-scheme: light; }
      body { font-family: sans-serif; font-size: 14px; color: #222; margin: 0 auto;
        padding: 16px 24px; max-width: 1600px; background: #fff; }
      h1 { font-size: 22px; margin: 0 0 4px; }
      h2 { font-size: 18px; margin: 28px 0 8px; border-bottom: 1px solid #ddd; padding-bottom: 4px; }
      h3 { font-size: 15px; margin: 12px 0 6px; }
      p.meta { color: #555; margin: 0 0 12px; }
      .runs { display: grid; grid-template-columns: repeat(auto-fit, minmax(560px, 1fr));
        gap: 16px 28px; align-items: start; }
      .run { min-width: 0; }
      svg.pipeline, svg.chart { max-width: 100%; height: auto; display: block; }
      .charts { display: grid; grid-template-columns: 1fr; gap: 8px; }
      table { border-collapse: collapse; margin: 4px 0 12px; }
      th, td { border: 1px solid #ddd; padding: 3px 8px; text-align: left; vertical-align: top; }
      th { background: #f4f4f4; }
      td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
      .scroll { overflow-x: auto; max-width: 100%; }
      td.ratio { color: #555; }
      tr.differs td { background: #fff6d6; }
      table.comparison { font-size: 15px; }
      pre.text { background: #f8f8f8; border: 1px solid #e4e4e4; padding: 8px; overflow-x: auto; }
      .panic { color: #b2182b; }
      td.message { white-space: pre-wrap; }
      #console-errors { border: 2px solid #b2182b; padding: 8px; margin: 8px 0; }
      details > summary { cursor: pointer; margin: 6px 0; }
      .note { color: #555; font-size: 13px; }
      """;

  private HtmlPage() {}

  /**
   * @param title the page title (plain text)
   * @param body the body's HTML
   * @return a complete HTML document
   */
  public static String wrap(String title, String body) {
    return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        + "<meta http-equiv=\"Content-Security-Policy\" content=\"" + CONTENT_SECURITY_POLICY
        + "\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        + "<title>" + Markup.escape(title) + "</title>\n"
        + "<script>\n" + HOOK + "</script>\n"
        + "<style>\n" + CSS + "</style>\n</head>\n<body>\n"
        + "<div id=\"console-errors\" hidden></div>\n"
        + body
        + "</body>\n</html>\n";
  }
}
