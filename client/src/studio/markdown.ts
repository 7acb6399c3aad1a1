/**
 * Stands in for codemirror-json-schema's `utils/markdown` module (vite.config.ts swaps it in):
 * the same `renderMarkdown`, through markdown-it with HTML escaped, without the Shiki highlighter
 * the original loads at import (a WebAssembly module the Content-Security-Policy does not allow,
 * for code blocks the scenario schema's descriptions do not have).
 */
import MarkdownIt from "markdown-it";

const renderer = new MarkdownIt({ html: false, linkify: false, typographer: false });

export function renderMarkdown(markdown: string, inline = true): string {
  return inline ? renderer.renderInline(markdown) : renderer.render(markdown);
}
