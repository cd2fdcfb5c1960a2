import MarkdownIt from 'markdown-it';

// Raw HTML in a clause is shown as text, never passed through: bodies are user input.
const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false });

export function renderMarkdown(body: string): string {
  return markdown.render(body);
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Plain text of one Markdown paragraph, for formats without Markdown (DOCX). */
export function plainText(paragraph: string): string {
  return paragraph
    .replace(/^\s{0,3}(#{1,6}\s+|[-*+]\s+|>\s?)/gm, '')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(\*|_)(.+?)\1/g, '$2')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\s*\n\s*/g, ' ');
}
