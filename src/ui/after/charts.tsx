// The chart library, in a chunk of its own: loaded only when a screen shows a chart, never in first paint.
// Every chart stands next to a table (or text) that says the same, so the chart itself is for the eye only.
import { VerticalBarChart } from '@fluentui/react-charts';
import type { VerticalBarChartDataPoint } from '@fluentui/react-charts';
import { tokens } from '@fluentui/react-components';

export interface BarDatum {
  label: string;
  value: number;
  /** What the bar's tooltip says (the formatted value). */
  valueText: string;
}

const COLOURS = [tokens.colorBrandBackground, tokens.colorPaletteMarigoldBorderActive, tokens.colorPaletteTealBorderActive, tokens.colorPaletteBerryBorderActive, tokens.colorPaletteGreenBorderActive];

export default function BarChart({ data, height = 220, yFormat }: { data: readonly BarDatum[]; height?: number; yFormat?: (value: number) => string }) {
  const points: VerticalBarChartDataPoint[] = data.map((d, i) => ({ x: d.label, y: d.value, legend: d.label, color: COLOURS[i % COLOURS.length], yAxisCalloutData: d.valueText, barLabel: d.valueText }));
  return <VerticalBarChart data={points} height={height} hideLegend hideTooltip {...(yFormat === undefined ? {} : { yAxisTickFormat: yFormat })} />;
}
