import { ErrorAlert } from '@/components/error-alert';
import { Loading } from '@/components/loading';

import { useBlame } from '../api/get-blame';

import { MarkdownView } from './markdown-view';
import { RevisionPicker } from './revision-picker';

export function BlameView({
  charterId,
  head,
  revision,
  onChange,
}: {
  charterId: string;
  head: number;
  revision: number;
  onChange: (value: number) => void;
}) {
  const blame = useBlame(charterId, revision);
  return (
    <div className="stack">
      <RevisionPicker label="Revision" head={head} value={revision} onChange={onChange} />
      {blame.isPending ? <Loading /> : null}
      <ErrorAlert error={blame.error} />
      {blame.data?.clauses.map((clause) => (
        <section key={clause.id} className="charter-clause">
          <h3>
            {clause.heading} <span className="muted">(heading from r{clause.headingRevision})</span>
          </h3>
          {clause.paragraphs.map((paragraph, index) => (
            <div key={index} className="charter-blame">
              <div className="charter-blame__who" title={paragraph.message}>
                r{paragraph.revision} · {paragraph.author}
                <br />
                <span className="muted">{new Date(paragraph.createdAt).toLocaleDateString()}</span>
              </div>
              <MarkdownView body={paragraph.text} />
            </div>
          ))}
        </section>
      ))}
    </div>
  );
}
