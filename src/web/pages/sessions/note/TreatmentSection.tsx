import { Group, MultiSelect, Select, TagsInput, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import {
  techniqueFromSuggestion,
  type SuggestedTechnique,
} from '../../../../domain/note-templates.js';
import type { NoteContent, TechniqueUse } from '../../../../domain/notes.js';
import type { Catalogue } from '../../../api/catalogue.js';
import { ChoiceGroup } from '../../../components/ChoiceGroup.js';
import { NoteSection } from './NoteSection.js';
import { SuggestedTechniques } from './SuggestedTechniques.js';
import { TechniqueUseFields } from './TechniqueUseFields.js';

type Treatment = NoteContent['treatment'];

const heatColdChoices = [
  { value: 'none', label: 'None' },
  { value: 'heat', label: 'Heat' },
  { value: 'cold', label: 'Cold' },
  { value: 'contrast', label: 'Contrast' },
];

/** Catalogue entries still offered, plus any retired one this note already names. */
function offered<T extends { retiredAt: string | null }>(
  entries: T[],
  inUse: (entry: T) => boolean,
): T[] {
  return entries.filter((entry) => entry.retiredAt === null || inUse(entry));
}

export function TreatmentSection({
  treatment,
  catalogue,
  sessionMinutes,
  suggested,
  onChange,
}: {
  treatment: Treatment;
  catalogue: Catalogue | undefined;
  sessionMinutes: number;
  /** The session type's template and the techniques it suggests, if it has any. */
  suggested?: { templateName: string; techniques: SuggestedTechnique[] } | undefined;
  onChange: (patch: Partial<Treatment>) => void;
}) {
  // Rows get stable keys of their own: removing one must not hand its typing to the next.
  const [rowKeys, setRowKeys] = useState(() => treatment.techniques.map((_, index) => index));
  const [nextKey, setNextKey] = useState(treatment.techniques.length);
  const [adding, setAdding] = useState<string | null>(null);
  const keys =
    rowKeys.length === treatment.techniques.length
      ? rowKeys
      : treatment.techniques.map((_, index) => index);

  const techniqueChoices = offered(catalogue?.techniques ?? [], (entry) =>
    treatment.techniques.some((use) => use.technique === entry.code),
  ).map((entry) => ({ value: entry.code, label: entry.name }));
  const productChoices = offered(catalogue?.products ?? [], (product) =>
    treatment.products.some((use) => use.productId === product.id),
  ).map((product) => ({ value: product.id, label: `${product.name} (${product.kind})` }));
  const totalMinutes = treatment.techniques.reduce((sum, use) => sum + use.minutes, 0);

  const setTechniques = (techniques: TechniqueUse[]) => onChange({ techniques });
  const addUse = (use: TechniqueUse) => {
    setTechniques([...treatment.techniques, use]);
    setRowKeys([...keys, nextKey]);
    setNextKey(nextKey + 1);
    setAdding(null);
  };
  const addTechnique = (technique: string) => {
    const remaining = sessionMinutes - totalMinutes;
    addUse({ technique, regions: [], minutes: Math.max(1, Math.min(remaining, 15)), pressure: 3 });
  };
  // Offered while the technique is still in the catalogue and not yet in this note.
  const active = new Set(
    (catalogue?.techniques ?? [])
      .filter((entry) => entry.retiredAt === null)
      .map((entry) => entry.code),
  );
  const suggestions = (suggested?.techniques ?? []).filter(
    (suggestion) =>
      active.has(suggestion.technique) &&
      !treatment.techniques.some((use) => use.technique === suggestion.technique),
  );

  return (
    <NoteSection id="note-treatment" title="Treatment">
      {treatment.techniques.map((use, index) => (
        <TechniqueUseFields
          key={keys[index]}
          use={use}
          number={index + 1}
          techniqueChoices={techniqueChoices}
          sessionMinutes={sessionMinutes}
          onChange={(changed) =>
            setTechniques(treatment.techniques.map((other, at) => (at === index ? changed : other)))
          }
          onRemove={() => {
            setTechniques(treatment.techniques.filter((_, at) => at !== index));
            setRowKeys(keys.filter((_, at) => at !== index));
          }}
        />
      ))}
      <Text size="sm" c={totalMinutes > sessionMinutes ? 'red.9' : undefined} role="status">
        Technique minutes: {totalMinutes} of the session’s {sessionMinutes}.
        {totalMinutes > sessionMinutes && ' That is more than the session lasted.'}
      </Text>
      {suggested && (
        <SuggestedTechniques
          templateName={suggested.templateName}
          suggestions={suggestions}
          nameOf={(code) =>
            catalogue?.techniques.find((entry) => entry.code === code)?.name ?? code
          }
          onAdd={(suggestion) =>
            addUse(
              techniqueFromSuggestion(suggestion, {
                minutes: sessionMinutes,
                minutesRecorded: totalMinutes,
              }),
            )
          }
        />
      )}
      <Group align="flex-end" gap="sm">
        <Select
          label="Add a technique"
          placeholder="Choose a technique"
          data={techniqueChoices}
          value={adding}
          onChange={(technique) => technique && addTechnique(technique)}
          searchable
          style={{ flex: '1 1 240px' }}
        />
      </Group>
      <MultiSelect
        label="Products used"
        placeholder={treatment.products.length === 0 ? 'Choose oils, lotions or blends' : undefined}
        data={productChoices}
        value={treatment.products.map((use) => use.productId)}
        onChange={(ids) => onChange({ products: ids.map((productId) => ({ productId })) })}
        searchable
        hidePickedOptions
      />
      <ChoiceGroup
        legend="Heat or cold"
        choices={heatColdChoices}
        value={treatment.heatCold}
        onChange={(heatCold) => onChange({ heatCold: heatCold as Treatment['heatCold'] })}
      />
      <TagsInput
        label="Tools"
        description="Press Enter after each, e.g. cupping set, hot stones."
        value={treatment.tools}
        onChange={(tools) =>
          onChange({ tools: tools.map((tool) => tool.slice(0, 60)).slice(0, 20) })
        }
        maxTags={20}
      />
      <Textarea
        label="Client’s response during the session"
        autosize
        minRows={2}
        maxLength={10_000}
        value={treatment.clientResponse}
        onChange={(event) => onChange({ clientResponse: event.currentTarget.value })}
      />
    </NoteSection>
  );
}
