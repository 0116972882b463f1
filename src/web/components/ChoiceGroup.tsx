import './choice-group.css';
import { useId, type ReactNode } from 'react';

/** `columns` equal tracks (4 px apart) while each is 44 px or more; fewer per row below that. */
function evenColumns(columns: number): string {
  const share = `calc((100% - ${(columns - 1) * 4 + 1}px) / ${columns})`;
  return `repeat(auto-fit, minmax(max(44px, ${share}), 1fr))`;
}

export interface Choice {
  value: string;
  label: ReactNode;
  /** The option's name when its label is not plain words (a symbol, a number alone). */
  accessibleLabel?: string;
}

/**
 * A row of large choices (native radio buttons underneath): a finger, a mouse and the arrow
 * keys all work, and each option is at least 44 px square. Used for pain scores, pressure,
 * and body-chart marks.
 */
export function ChoiceGroup({
  legend,
  description,
  choices,
  value,
  onChange,
  onClear,
  clearLabel = 'Clear',
  columns,
  disabled = false,
}: {
  legend: ReactNode;
  description?: ReactNode;
  choices: Choice[];
  value: string | null;
  onChange: (value: string) => void;
  /** Offers a way back to "not recorded". */
  onClear?: (() => void) | undefined;
  /** The clear button's full name for screen readers, e.g. "Clear pain before". */
  clearLabel?: string;
  /** Lay the choices out as an even grid of this many columns, wrapping where 44 px each won't fit. */
  columns?: number;
  disabled?: boolean;
}) {
  const name = useId();
  const descriptionId = `${name}-description`;
  return (
    <fieldset
      className="choice-group"
      disabled={disabled}
      aria-describedby={description ? descriptionId : undefined}
    >
      <legend className="choice-group-legend">{legend}</legend>
      {description && (
        <div id={descriptionId} className="choice-group-description">
          {description}
        </div>
      )}
      <div
        className="choice-group-options"
        style={columns ? { gridTemplateColumns: evenColumns(columns) } : undefined}
        data-grid={columns ? true : undefined}
      >
        {choices.map((choice) => (
          <label key={choice.value} className="choice-option">
            <input
              type="radio"
              name={name}
              value={choice.value}
              checked={value === choice.value}
              onChange={() => onChange(choice.value)}
              aria-label={choice.accessibleLabel}
            />
            <span className="choice-option-face">{choice.label}</span>
          </label>
        ))}
      </div>
      {onClear && value !== null && (
        <button type="button" className="choice-clear" onClick={onClear} aria-label={clearLabel}>
          Clear
        </button>
      )}
    </fieldset>
  );
}
