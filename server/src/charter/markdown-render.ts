import { markdown } from './markdown-segments';

export function renderMarkdown(body: string): string {
  return markdown.render(body);
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
