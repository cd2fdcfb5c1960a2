import type { ComponentProps } from 'react';
import { BarChart, ResponsiveContainer } from 'recharts';

/**
 * A bar chart filling the sized box it is drawn in. The box carries the chart's text (role "img" and a
 * summary of the figures), so the chart itself adds no accessibility layer.
 */
export function BarChartBox({ children, ...chart }: ComponentProps<typeof BarChart>) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart {...chart} accessibilityLayer={false}>
        {children}
      </BarChart>
    </ResponsiveContainer>
  );
}
