import type { MarkKind } from '../../../domain/notes.js';

/**
 * How each kind of mark looks: a colour, a fill pattern and a symbol, so no kind is told apart
 * by colour alone (and a chart printed in black and white still reads). Colours are dark
 * enough for 3:1 against white, as graphics need.
 */
interface MarkStyle {
  colour: string;
  /** 'solid' fills with the colour itself; the others name a pattern in <MarkPatterns>. */
  pattern: 'solid' | 'stripes' | 'dots' | 'waves' | 'hatch' | 'bars';
}

export const markStyles: Record<MarkKind, MarkStyle> = {
  pain: { colour: '#c92a2a', pattern: 'solid' },
  tension: { colour: '#d9480f', pattern: 'stripes' },
  trigger_point: { colour: '#6741d9', pattern: 'dots' },
  numbness: { colour: '#1864ab', pattern: 'waves' },
  treated: { colour: '#2b8a3e', pattern: 'hatch' },
  avoid: { colour: '#212529', pattern: 'bars' },
};

export const intensityLabels = ['', 'mild', 'moderate', 'severe'] as const;

/** Lighter for mild, fuller for severe; the number in the badge says it in figures too. */
export const intensityOpacity = [0, 0.45, 0.7, 1] as const;

export function markFill(kind: MarkKind, idPrefix: string): string {
  const style = markStyles[kind];
  return style.pattern === 'solid' ? style.colour : `url(#${idPrefix}-${kind})`;
}

function PatternTile({ kind, id }: { kind: MarkKind; id: string }) {
  const { colour, pattern } = markStyles[kind];
  const tile = { id, width: 6, height: 6, patternUnits: 'userSpaceOnUse' as const };
  switch (pattern) {
    case 'solid':
      return null;
    case 'stripes':
      return (
        <pattern {...tile} patternTransform="rotate(45)">
          <rect width="6" height="6" fill="#fff" />
          <rect width="3" height="6" fill={colour} />
        </pattern>
      );
    case 'dots':
      return (
        <pattern {...tile}>
          <rect width="6" height="6" fill="#fff" />
          <circle cx="3" cy="3" r="1.7" fill={colour} />
        </pattern>
      );
    case 'waves':
      return (
        <pattern {...tile}>
          <rect width="6" height="6" fill="#fff" />
          <path d="M0 3 Q1.5 0.5 3 3 T6 3" fill="none" stroke={colour} strokeWidth="1.4" />
        </pattern>
      );
    case 'hatch':
      return (
        <pattern {...tile}>
          <rect width="6" height="6" fill="#fff" />
          <path d="M0 0L6 6M6 0L0 6" stroke={colour} strokeWidth="1.2" />
        </pattern>
      );
    case 'bars':
      return (
        <pattern {...tile} patternTransform="rotate(-45)">
          <rect width="6" height="6" fill="#fff" />
          <rect width="4" height="6" fill={colour} />
        </pattern>
      );
  }
}

/** The fill patterns, once per page; every figure and swatch refers to them by id. */
export function MarkPatterns({ idPrefix }: { idPrefix: string }) {
  return (
    <svg width="0" height="0" aria-hidden="true" focusable="false" style={{ position: 'absolute' }}>
      <defs>
        {(Object.keys(markStyles) as MarkKind[]).map((kind) => (
          <PatternTile key={kind} kind={kind} id={`${idPrefix}-${kind}`} />
        ))}
      </defs>
    </svg>
  );
}

/** The kind's symbol, drawn about (0, 0) in a box about 9 units wide. */
export function MarkGlyph({ kind }: { kind: MarkKind }) {
  const colour = markStyles[kind].colour;
  const stroke = {
    fill: 'none',
    stroke: colour,
    strokeWidth: 1.6,
    strokeLinecap: 'round' as const,
  };
  switch (kind) {
    case 'pain':
      return <circle r="3.2" fill={colour} />;
    case 'tension':
      return <path d="M-4 1.5L-2 -1.5L0 1.5L2 -1.5L4 1.5" {...stroke} />;
    case 'trigger_point':
      return <path d="M-3 -3L3 3M3 -3L-3 3" {...stroke} strokeWidth={1.9} />;
    case 'numbness':
      return <path d="M-4.2 0.5Q-2.1 -3 0 0.5T4.2 0.5" {...stroke} />;
    case 'treated':
      return <path d="M-3.5 0L-1 2.7L3.7 -2.7" {...stroke} strokeWidth={1.9} />;
    case 'avoid':
      return (
        <g {...stroke}>
          <circle r="3.4" />
          <path d="M-2.4 2.4L2.4 -2.4" />
        </g>
      );
  }
}

/** A small sample of a kind's look (pattern and symbol) for legends, pickers and tables. */
export function MarkSwatch({ kind, idPrefix }: { kind: MarkKind; idPrefix: string }) {
  return (
    <svg
      width="36"
      height="20"
      viewBox="0 0 36 20"
      aria-hidden="true"
      focusable="false"
      style={{ flexShrink: 0, verticalAlign: 'middle' }}
    >
      <rect
        x="1"
        y="1"
        width="16"
        height="18"
        rx="3"
        fill={markFill(kind, idPrefix)}
        stroke={markStyles[kind].colour}
      />
      <g transform="translate(27 10) scale(1.3)">
        <MarkGlyph kind={kind} />
      </g>
    </svg>
  );
}
