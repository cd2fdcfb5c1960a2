import { Bar, BarChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

import type { EvidenceFigures, QuestionTally } from '@concord/shared';

interface EvidenceChartProps {
  caption: string;
  question: QuestionTally | null;
  responses: number | null;
  suppressed: boolean;
}

/** A small bar chart of one question's choices: counts, with the share in the label. */
export function EvidenceChart({ caption, question, responses, suppressed }: EvidenceChartProps) {
  const rows = (question?.choices ?? []).map((choice) => ({
    label: choice.label,
    count: choice.count,
    share: choice.share === null ? '–' : `${(choice.share * 100).toFixed(0)} %`,
  }));
  const summary = rows.map((row) => `${row.label}: ${String(row.count)} (${row.share})`).join('; ');
  return (
    <figure className="evidence-chart">
      <figcaption>
        {caption}
        {responses === null ? null : ` · n = ${String(responses)}`}
      </figcaption>
      {suppressed || question === null || question.suppressed === true ? (
        <p className="muted">Too few responses to show figures.</p>
      ) : rows.length === 0 ? (
        <p className="muted">{question.answered} answered (no choices to chart).</p>
      ) : (
        <div role="img" aria-label={`${caption}: ${summary}`} style={{ width: '100%', height: rows.length * 26 + 16 }}>
          <ResponsiveContainer>
            <BarChart data={rows} layout="vertical" margin={{ top: 4, right: 40, bottom: 4, left: 4 }}>
              <XAxis type="number" hide allowDecimals={false} />
              <YAxis type="category" dataKey="label" width={110} tick={{ fontSize: 12 }} />
              <Tooltip />
              <Bar
                dataKey="count"
                fill="#2f6db5"
                isAnimationActive={false}
                label={{ position: 'right', fontSize: 12 }}
              />
            </BarChart>
          </ResponsiveContainer>
        </div>
      )}
    </figure>
  );
}

export function FiguresChart({ caption, figures }: { caption: string; figures: EvidenceFigures | null }) {
  return (
    <EvidenceChart
      caption={caption}
      question={figures?.question ?? null}
      responses={figures?.responses ?? null}
      suppressed={figures?.suppressed ?? false}
    />
  );
}
