import { conceptText, isObject, joinParts, textOf, type FhirObject } from './fhir-json.js';

/**
 * An Observation's value[x] as a reader wants it: "181.5 cm", "Never smoker", "Yes",
 * "120–130 mm[Hg]". The full-precision value stays in the resource kept with the record.
 */
/** "181.5 cm": four significant digits are plenty for a reader; the resource keeps the rest. */
function formatNumber(value: unknown): string | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return null;
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(4)));
}

function quantityText(quantity: unknown): string | null {
  if (!isObject(quantity)) return null;
  const number = formatNumber(quantity['value']);
  if (number === null) return null;
  const comparator = textOf(quantity['comparator']) ?? '';
  const unit = textOf(quantity['unit']) ?? textOf(quantity['code']);
  return `${comparator}${number}${unit ? ` ${unit}` : ''}`;
}

/** An Observation's (or component's) value[x] as text. */
export function valueText(holder: FhirObject): string | null {
  if ('valueQuantity' in holder) return quantityText(holder['valueQuantity']);
  if ('valueCodeableConcept' in holder) return conceptText(holder['valueCodeableConcept']);
  if ('valueString' in holder) return textOf(holder['valueString']);
  if ('valueBoolean' in holder) return holder['valueBoolean'] === true ? 'Yes' : 'No';
  if ('valueInteger' in holder) return formatNumber(holder['valueInteger']);
  if ('valueDateTime' in holder) return textOf(holder['valueDateTime']);
  if ('valueTime' in holder) return textOf(holder['valueTime']);
  const range = holder['valueRange'];
  if (isObject(range)) {
    return joinParts([quantityText(range['low']), quantityText(range['high'])], '–');
  }
  const ratio = holder['valueRatio'];
  if (isObject(ratio)) {
    return joinParts([quantityText(ratio['numerator']), quantityText(ratio['denominator'])], ' / ');
  }
  if ('dataAbsentReason' in holder) {
    const reason = conceptText(holder['dataAbsentReason']);
    return reason ? `No value (${reason})` : 'No value';
  }
  return null;
}
