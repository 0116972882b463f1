import type { KeyboardEvent } from 'react';
import { bodyRegions, type BodyView } from '../../../domain/body-regions.js';
import type { BodyMark } from '../../../domain/notes.js';
import { describeRegion, marksIn } from './bodyMarks.js';
import { intensityOpacity, markFill, markStyles, MarkGlyph } from './markStyles.js';
import {
  figureHeight,
  figureWidth,
  headOutline,
  regionShape,
  silhouettePaths,
} from './regionShapes.js';

const viewNames: Record<BodyView, string> = { front: 'Front', back: 'Back' };
const viewHints: Record<BodyView, string> = {
  front: 'client facing you',
  back: 'client facing away',
};
const silhouette = silhouettePaths();

/**
 * One view of the body. Editable, each region is a button (tap, click, Enter or Space); read
 * only, the figure is a picture whose marks the table beside it lists in words.
 */
export function BodyFigure({
  view,
  marks,
  idPrefix,
  onRegion,
}: {
  view: BodyView;
  marks: BodyMark[];
  idPrefix: string;
  /** Omitted for a read-only chart. */
  onRegion?: ((code: string) => void) | undefined;
}) {
  const editable = onRegion !== undefined;
  const regions = bodyRegions.flatMap((region) => {
    const shape = region.views.includes(view) ? regionShape(region, view) : undefined;
    return shape ? [shape] : [];
  });
  const captionId = `${idPrefix}-${view}-caption`;
  // The client's right is on the viewer's left when they face you, on the right from behind.
  const [leftSide, rightSide] = view === 'front' ? ['Right', 'Left'] : ['Left', 'Right'];
  const marked = new Set(marks.map((mark) => mark.region));
  const markedHere = regions.filter((shape) => marked.has(shape.code)).length;

  const onKeyDown = (code: string) => (event: KeyboardEvent<SVGPathElement>) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onRegion?.(code);
    }
  };

  return (
    <figure className="body-figure">
      <figcaption id={captionId} className="body-figure-caption">
        {viewNames[view]} <span className="body-figure-hint">({viewHints[view]})</span>
      </figcaption>
      <svg
        viewBox={`-14 0 ${figureWidth + 28} ${figureHeight}`}
        className="body-figure-svg"
        {...(editable
          ? { role: 'group', 'aria-labelledby': captionId }
          : {
              role: 'img',
              'aria-label': `${viewNames[view]} view: ${markedHere} marked region${markedHere === 1 ? '' : 's'}, listed in the table of marks`,
            })}
      >
        <g aria-hidden="true" className="body-silhouette">
          <ellipse
            cx={figureWidth / 2}
            cy={headOutline.cy}
            rx={headOutline.rx + 1}
            ry={headOutline.ry + 1}
          />
          {silhouette.map((path) => (
            <path key={path} d={path} />
          ))}
        </g>
        <text x="-6" y="150" className="body-side-label" aria-hidden="true">
          {leftSide === 'Right' ? 'R' : 'L'}
        </text>
        <text
          x={figureWidth + 6}
          y="150"
          className="body-side-label"
          textAnchor="end"
          aria-hidden="true"
        >
          {rightSide === 'Right' ? 'R' : 'L'}
        </text>
        {regions.map((shape) => {
          const here = marksIn(shape.code, marks);
          const first = here[0];
          return (
            <path
              key={shape.code}
              d={shape.path}
              className="body-region"
              data-region={shape.code}
              fill={first ? markFill(first.kind, idPrefix) : '#fff'}
              fillOpacity={first ? intensityOpacity[first.intensity] : 1}
              {...(editable
                ? {
                    role: 'button',
                    tabIndex: 0,
                    'aria-label': describeRegion(shape.code, marks),
                    onClick: () => onRegion(shape.code),
                    onKeyDown: onKeyDown(shape.code),
                  }
                : { 'aria-hidden': true })}
            >
              {!editable && <title>{describeRegion(shape.code, marks)}</title>}
            </path>
          );
        })}
        <g aria-hidden="true" pointerEvents="none">
          {regions.flatMap((shape) =>
            marksIn(shape.code, marks).map((mark, index, all) => {
              const [x, y] = shape.centre;
              const offset = (index - (all.length - 1) / 2) * 13;
              return (
                <g key={`${shape.code}-${mark.kind}`} transform={`translate(${x} ${y + offset})`}>
                  <rect
                    x="-10"
                    y="-6"
                    width="20"
                    height="12"
                    rx="6"
                    fill="#fff"
                    stroke={markStyles[mark.kind].colour}
                    strokeWidth="1.2"
                  />
                  <g transform="translate(-4 0) scale(0.8)">
                    <MarkGlyph kind={mark.kind} />
                  </g>
                  <text x="5" y="3.2" className="body-mark-intensity">
                    {mark.intensity}
                  </text>
                </g>
              );
            }),
          )}
        </g>
      </svg>
    </figure>
  );
}
