import { useForm } from '@mantine/form';
import {
  RecordPdfRequest,
  recordSections,
  type RecordSection,
} from '../../../../domain/record-export.js';
import { zodResolver } from '../../../forms/zodResolver.js';

/**
 * The export dialog's form, shaped like the request itself so the server's field paths
 * (`recipient.legalReason`) land on the form's own fields.
 */
export interface ExportFormValues {
  sections: RecordSection[];
  from: string;
  to: string;
  recipient: {
    kind: 'practice' | 'external';
    name: string;
    organisation: string;
    legalReason: string;
  };
}

export const initialExportValues: ExportFormValues = {
  sections: [...recordSections],
  from: '',
  to: '',
  recipient: { kind: 'practice', name: '', organisation: '', legalReason: '' },
};

/** What the form sends: empty dates are open ends; a practice copy names nobody. */
export function toRecordRequest(values: ExportFormValues): unknown {
  return {
    sections: values.sections,
    from: values.from || null,
    to: values.to || null,
    recipient:
      values.recipient.kind === 'practice'
        ? { kind: 'practice' }
        : {
            kind: 'external',
            name: values.recipient.name,
            organisation: values.recipient.organisation,
            legalReason: values.recipient.legalReason,
          },
  };
}

export function readRecordRequest(values: ExportFormValues): RecordPdfRequest {
  return RecordPdfRequest.parse(toRecordRequest(values));
}

/** The form, checked in the browser by the same schema the server parses with. */
export function useExportForm() {
  return useForm<ExportFormValues>({
    mode: 'controlled',
    initialValues: initialExportValues,
    validate: zodResolver<ExportFormValues>(RecordPdfRequest, toRecordRequest),
  });
}
