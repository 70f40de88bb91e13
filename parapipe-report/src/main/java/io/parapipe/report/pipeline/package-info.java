/**
 * Pipeline diagrams: for one para and a window of relay blocks, which stage each candidate was in
 * at each relay block ({@link io.parapipe.report.pipeline.PipelineDiagram}), rendered as plain
 * text ({@link io.parapipe.report.pipeline.TextPipeline}) or SVG ({@link
 * io.parapipe.report.pipeline.SvgPipeline}).
 */
package io.parapipe.report.pipeline;
