import { lazy, Suspense, type ComponentProps } from 'react';
import { PageLoader } from '../PageStatus.js';

const BodyChart = lazy(async () => ({ default: (await import('./BodyChart.js')).BodyChart }));

/** The body chart, fetched the first time a note shows one. */
export function LazyBodyChart(props: ComponentProps<typeof BodyChart>) {
  return (
    <Suspense fallback={<PageLoader />}>
      <BodyChart {...props} />
    </Suspense>
  );
}
