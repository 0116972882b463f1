import type { KeyboardEvent } from 'react';
import type { BodyView } from '../../../domain/body-regions.js';
import type { BodyMark } from '../../../domain/notes.js';
import { describeRegion, marksIn } from './bodyMarks.js';
import { intensityOpacity, markFill, markStyles, MarkGlyph } from './markStyles.js';
import { figureLayers, viewBoxOf } from './regionShapes.js';

export const viewNames: Record<BodyView, string> = {
  front: 'Front',
  back: 'Back',
  left: 'Left side',
  right: 'Right side',
};
const viewHints: Record<BodyView, string> = {
  front: 'client facing you',
  back: 'client facing away',
  left: 'facing left',
  right: 'facing right',
};
const layers = Object.fromEntries(
  (Object.keys(viewNames) as BodyView[]).map((view) => [view, figureLayers(view)]),
) as Record<BodyView, ReturnType<typeof figureLayers>>;

/**
 * Words at either edge of the figure that say how it is turned: the client's sides on the
 * front and back views (their right is on your left when they face you), and which way is
 * forward on the side views.
 */
const edgeLabels: Record<BodyView, [string, string]> = {
  front: ['R', 'L'],
  back: ['L', 'R'],
  left: ['Front', 'Back'],
  right: ['Back', 'Front'],
};

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
  const regions = layers[view].flatMap((layer) => layer.regions);
  const captionId = `${idPrefix}-${view}-caption`;
  const box = viewBoxOf(view);
  const [nearEdge, farEdge] = edgeLabels[view];
  const edgeClass =
    view === 'left' || view === 'right' ? 'body-edge-label body-edge-word' : 'body-edge-label';
  const marked = new Set(marks.map((mark) => mark.region));
  const markedHere = regions.filter((shape) => marked.has(shape.code)).length;

  const onKeyDown = (code: string) => (event: KeyboardEvent<SVGPathElement>) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onRegion?.(code);
    }
  };

  return (
    <figure className="body-figure" data-view={view}>
      <figcaption id={captionId} className="body-figure-caption">
        {viewNames[view]} view <span className="body-figure-hint">({viewHints[view]})</span>
      </figcaption>
      <svg
        viewBox={`${box.x} 0 ${box.width} ${box.height}`}
        className="body-figure-svg"
        {...(editable
          ? { role: 'group', 'aria-labelledby': captionId }
          : {
              role: 'img',
              'aria-label': `${viewNames[view]} view, ${viewHints[view]}: ${markedHere} marked region${markedHere === 1 ? '' : 's'}, listed in the table of marks`,
            })}
      >
        <text x={box.x + 8} y="150" className={edgeClass} aria-hidden="true">
          {nearEdge}
        </text>
        <text
          x={box.x + box.width - 8}
          y="150"
          className={edgeClass}
          textAnchor="end"
          aria-hidden="true"
        >
          {farEdge}
        </text>
        {layers[view].map((layer, index) => (
          <g key={index}>
            <g aria-hidden="true" className="body-silhouette">
              {layer.silhouette.map((path) => (
                <path key={path} d={path} />
              ))}
            </g>
            {layer.regions.map((shape) => {
              const first = marksIn(shape.code, marks)[0];
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
          </g>
        ))}
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
