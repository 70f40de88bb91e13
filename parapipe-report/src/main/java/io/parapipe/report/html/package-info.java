/**
 * The self-contained HTML report: one file with inline CSS and SVG (pipeline diagrams drawn by
 * {@link io.parapipe.report.pipeline.SvgPipeline}, charts drawn by XChart), a console-error hook
 * and a content security policy that forbids any fetch; plus a headless Chromium driver to check
 * and screenshot it.
 */
package io.parapipe.report.html;
