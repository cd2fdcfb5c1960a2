import MarkdownIt from 'markdown-it';

// html: false makes markdown-it escape any raw HTML in a clause, and its link validation refuses
// javascript:, vbscript: and data: URLs, so the output is safe to insert.
const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false });

export function MarkdownView({ body }: { body: string }) {
  return <div className="charter-markdown" dangerouslySetInnerHTML={{ __html: markdown.render(body) }} />;
}
