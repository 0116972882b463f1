import { NumberInput } from '@mantine/core';
import type { ReactNode } from 'react';
import type { MeasureDefinition } from '../../../domain/outcome-measures.js';
import { ChoiceGroup, type Choice } from '../../components/ChoiceGroup.js';

type Scale = Pick<MeasureDefinition, 'min' | 'max' | 'decimals' | 'unit'>;

/** Up to eleven whole numbers fit as a row of large choices; anything else is typed. */
function choicesFor(scale: Scale): Choice[] | null {
  if (scale.decimals !== 0 || scale.max - scale.min > 10) return null;
  return Array.from({ length: scale.max - scale.min + 1 }, (_, index) => {
    const value = String(scale.min + index);
    return { value, label: value };
  });
}

/**
 * One score: a row of choices for a short whole-number scale (a finger or the arrow keys), a
 * number field otherwise. `error` is the server's message for this score.
 */
export function ScoreField({
  label,
  description,
  scale,
  value,
  onChange,
  error,
}: {
  label: string;
  description?: ReactNode;
  scale: Scale;
  value: number | null;
  onChange: (value: number | null) => void;
  error?: string | undefined;
}) {
  const choices = choicesFor(scale);
  if (choices) {
    return (
      <div>
        <ChoiceGroup
          legend={label}
          description={description}
          choices={choices}
          columns={choices.length}
          value={value === null ? null : String(value)}
          onChange={(choice) => onChange(Number(choice))}
          onClear={() => onChange(null)}
          clearLabel={`Clear ${label}`}
        />
        {error && (
          <div className="score-field-error" role="alert">
            {error}
          </div>
        )}
      </div>
    );
  }
  return (
    <NumberInput
      label={label}
      description={description}
      min={scale.min}
      max={scale.max}
      decimalScale={scale.decimals}
      allowDecimal={scale.decimals > 0}
      clampBehavior="none"
      rightSection={scale.unit ? <span className="score-field-unit">{scale.unit}</span> : undefined}
      rightSectionWidth={scale.unit ? 'auto' : undefined}
      value={value ?? ''}
      onChange={(next) => onChange(typeof next === 'number' ? next : null)}
      error={error}
    />
  );
}
