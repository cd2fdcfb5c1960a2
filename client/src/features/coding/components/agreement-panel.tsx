import { useState } from 'react';

import { ErrorAlert } from '@/components/error-alert';
import { Loading } from '@/components/loading';
import { TableHead } from '@/components/table-head';

import { useAgreement, useCoders } from '../api/get-agreement';
import { useThemes } from '../api/get-themes';

import type { CodedQuestion } from './coded-question';

function figure(value: number | null): string {
  return value === null ? '–' : value.toFixed(2);
}

/** Landis and Koch's customary reading of kappa, as a reminder beside the figure. */
function reading(kappa: number | null): string {
  if (kappa === null) return 'not defined';
  if (kappa < 0) return 'worse than chance';
  if (kappa <= 0.2) return 'slight';
  if (kappa <= 0.4) return 'fair';
  if (kappa <= 0.6) return 'moderate';
  if (kappa <= 0.8) return 'substantial';
  return 'almost perfect';
}

/** Two coders compared on the answers both coded: kappa per theme and pooled, and their differences side by side. */
export function AgreementPanel({ campaignId, surveyId, question }: CodedQuestion) {
  const coders = useCoders(campaignId, question);
  const themes = useThemes(surveyId, question);
  const [first, setFirst] = useState('');
  const [second, setSecond] = useState('');
  const agreement = useAgreement(campaignId, question, first, second);
  const names = new Map(themes.data?.map((theme) => [theme.id, theme.name]));
  const themeList = (ids: string[]) =>
    ids.length === 0 ? '(no theme)' : ids.map((id) => names.get(id) ?? id).join(', ');
  const result = agreement.data;
  const label = (id: string) => {
    const coder = coders.data?.find((entry) => entry.id === id);
    return coder === undefined ? id : `${coder.name} (${coder.coded})`;
  };
  return (
    <section className="coding-agreement" aria-label="Agreement between coders">
      <ErrorAlert error={coders.error} />
      {coders.data !== undefined && coders.data.length < 2 ? (
        <p className="muted">
          Agreement needs two coders who coded the same answers (use the agreement sample filter on the Code tab).
        </p>
      ) : (
        <div className="inline-form">
          {[['First coder', first, setFirst] as const, ['Second coder', second, setSecond] as const].map(
            ([text, value, set]) => (
              <label key={text}>
                {text}
                <select value={value} onChange={(event) => set(event.target.value)}>
                  <option value="">Choose…</option>
                  {coders.data?.map((coder) => (
                    <option key={coder.id} value={coder.id}>
                      {label(coder.id)}
                    </option>
                  ))}
                </select>
              </label>
            ),
          )}
        </div>
      )}
      <ErrorAlert error={agreement.error} />
      {agreement.isFetching && <Loading label="Comparing…" />}
      {result && (
        <>
          <p className="coding-agreement__overall">
            <strong>Cohen’s kappa {figure(result.kappa)}</strong> ({reading(result.kappa)}) · agreement{' '}
            {result.agreement === null ? '–' : `${(result.agreement * 100).toFixed(1)} %`} · over {result.items} answers
            both coded and reviewed
          </p>
          <div className="table-scroll">
            <table className="data-table">
              <caption className="visually-hidden">Agreement per theme</caption>
              <TableHead
                columns={[
                  'Theme',
                  { label: 'Kappa', numeric: true },
                  { label: 'Agreement', numeric: true },
                  { label: 'First', numeric: true },
                  { label: 'Second', numeric: true },
                  { label: 'Both', numeric: true },
                ]}
              />
              <tbody>
                {result.themes.map((theme) => (
                  <tr key={theme.themeId}>
                    <th scope="row">{theme.name}</th>
                    <td className="numeric">{figure(theme.kappa)}</td>
                    <td className="numeric">
                      {theme.agreement === null ? '–' : `${(theme.agreement * 100).toFixed(1)} %`}
                    </td>
                    <td className="numeric">{theme.byFirst}</td>
                    <td className="numeric">{theme.bySecond}</td>
                    <td className="numeric">{theme.byBoth}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {result.differences !== undefined && (
            <>
              <h3>Answers coded differently ({result.differences.length})</h3>
              <div className="table-scroll">
                <table className="data-table coding-differences">
                  <thead>
                    <tr>
                      <th scope="col">Answer</th>
                      <th scope="col">{label(first)}</th>
                      <th scope="col">{label(second)}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {result.differences.map((difference) => (
                      <tr key={difference.responseId}>
                        <td>
                          <div dir="auto">{difference.text}</div>
                          <small className="muted">
                            {difference.network}
                            {difference.country && ` · ${difference.country}`}
                            {difference.role && ` · ${difference.role}`}
                          </small>
                        </td>
                        <td>{themeList(difference.first)}</td>
                        <td>{themeList(difference.second)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}
        </>
      )}
    </section>
  );
}
