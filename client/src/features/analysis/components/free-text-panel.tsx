import { useState } from 'react';

import { ErrorAlert } from '@/components/error-alert';
import type { QueryParams } from '@/lib/api-client';

import { useFreeText } from '../api/get-free-text';

/** Free-text answers of one question under the page's filters, searchable and paged; never who wrote them. */
export function FreeTextPanel({
  campaignId,
  question,
  filters,
}: {
  campaignId: string;
  question: string;
  filters: QueryParams;
}) {
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(1);
  const answers = useFreeText(campaignId, question, filters, search, page);
  const data = answers.data;
  const pages = data === undefined ? 1 : Math.max(1, Math.ceil(data.total / data.pageSize));
  return (
    <div className="analysis-free-text">
      <label className="analysis-free-text__search">
        Search{' '}
        <input
          type="search"
          value={search}
          onChange={(event) => {
            setSearch(event.target.value);
            setPage(1);
          }}
        />
      </label>
      <ErrorAlert error={answers.error} />
      {data?.suppressed && <p className="analysis-suppressed">Too few responses match: answers are not shown.</p>}
      <ul>
        {data?.answers.map((answer, index) => (
          <li key={`${answer.responseId}-${index}`}>
            <blockquote>{answer.text}</blockquote>
            <small>
              {answer.network}
              {answer.country && ` · ${answer.country}`}
              {answer.role && ` · ${answer.role}`}
            </small>
          </li>
        ))}
      </ul>
      {data !== undefined && (
        <p className="analysis-free-text__pager">
          {data.total} answers ·{' '}
          <button type="button" disabled={page <= 1} onClick={() => setPage(page - 1)}>
            Previous
          </button>{' '}
          page {page} of {pages}{' '}
          <button type="button" disabled={page >= pages} onClick={() => setPage(page + 1)}>
            Next
          </button>
        </p>
      )}
    </div>
  );
}
