// A chart with its alternative: the caption names it, the table (or text) beside it carries the same figures
// for screen readers, keyboards and print. The chart is loaded lazily and kept out of the accessibility tree
// and the tab order (inert): reading it twice, once as bars, helps nobody.
import { Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { Component, Suspense, lazy } from 'react';
import type { ReactNode } from 'react';
import { t } from '../messages';
import type { BarDatum } from './charts';

const BarChart = lazy(() => import(/* webpackChunkName: "charts" */ './charts'));

const useStyles = makeStyles({
  figure: { margin: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  caption: { fontWeight: tokens.fontWeightSemibold },
  chart: { maxWidth: '40rem', minHeight: '1rem' },
});

/** A chart that cannot load (offline, an old chunk) leaves the table: the figures are there anyway. */
class ChartBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    return this.state.failed ? <p>{t('after.chart.unavailable')}</p> : this.props.children;
  }
}

export function ChartFigure({ caption, data, yFormat, alternative }: { caption: string; data: readonly BarDatum[]; yFormat?: (value: number) => string; alternative: ReactNode }) {
  const styles = useStyles();
  return (
    <figure className={styles.figure}>
      <figcaption className={styles.caption}>{caption}</figcaption>
      <div className={styles.chart} aria-hidden="true" inert data-testid="chart">
        <ChartBoundary>
          <Suspense fallback={<Spinner size="tiny" />}>
            <BarChart data={data} {...(yFormat === undefined ? {} : { yFormat })} />
          </Suspense>
        </ChartBoundary>
      </div>
      {alternative}
    </figure>
  );
}
