import { Button, Table, Text, VisuallyHidden } from '@mantine/core';
import { bodyRegions } from '../../../domain/body-regions.js';
import { markKindLabels, markKinds, type BodyMark } from '../../../domain/notes.js';
import { regionLabel } from './bodyMarks.js';
import { intensityLabels, MarkSwatch } from './markStyles.js';

const regionOrder = new Map(bodyRegions.map((region, index) => [region.code, index]));

/** Every mark on the chart in words, head to foot, each with a way to remove it. */
export function MarkList({
  marks,
  idPrefix,
  onRemove,
}: {
  marks: BodyMark[];
  idPrefix: string;
  onRemove?: ((mark: BodyMark) => void) | undefined;
}) {
  const sorted = [...marks].sort(
    (a, b) =>
      (regionOrder.get(a.region) ?? 0) - (regionOrder.get(b.region) ?? 0) ||
      markKinds.indexOf(a.kind) - markKinds.indexOf(b.kind),
  );
  const captionId = `${idPrefix}-marks`;
  if (sorted.length === 0) {
    return (
      <Text size="sm" id={captionId}>
        No marks on the body chart.
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={360}>
      <Table verticalSpacing="xs">
        <caption id={captionId} className="body-marks-caption">
          Marks on the body chart ({sorted.length})
        </caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Region</Table.Th>
            <Table.Th scope="col">Mark</Table.Th>
            <Table.Th scope="col">Intensity</Table.Th>
            {onRemove && (
              <Table.Th scope="col">
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sorted.map((mark) => (
            <Table.Tr key={`${mark.region}-${mark.kind}`}>
              <Table.Td>{regionLabel(mark.region)}</Table.Td>
              <Table.Td>
                <MarkSwatch kind={mark.kind} idPrefix={idPrefix} /> {markKindLabels[mark.kind]}
              </Table.Td>
              <Table.Td>
                {mark.intensity} ({intensityLabels[mark.intensity]})
              </Table.Td>
              {onRemove && (
                <Table.Td>
                  <Button
                    variant="subtle"
                    color="red"
                    size="compact-sm"
                    onClick={() => onRemove(mark)}
                    aria-label={`Remove ${markKindLabels[mark.kind].toLowerCase()} from ${regionLabel(mark.region)}`}
                  >
                    Remove
                  </Button>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
