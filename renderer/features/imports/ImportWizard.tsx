import type { CsvDelimiter, ImportEntityName, ImportPreview, ImportSettings } from '../../../shared/contract/schemas';
import type { FieldType } from '../../../shared/fields/types/field-type';
import { formatBytes, formatWhen } from '../../ui/format';
import { ENTITY_ORDER, ENTITY_TEXT } from './entity-choice';
import {
  DELIMITERS,
  ENCODINGS,
  fieldsOf,
  PHONE_COUNTRIES,
  phoneCountryLabel,
  targetValue,
  TYPE_LABELS,
  TYPES,
  withColumn,
  withLocale,
  withTarget,
} from './wizard-options';

interface WizardProps {
  preview: ImportPreview;
  loading: boolean;
  /** Preview again with what the user changed. */
  onChange: (entity: ImportEntityName, settings: ImportSettings) => void;
}

/**
 * The import wizard's main panel: what the file holds, how it is read (encoding, delimiter, decimal mark, dates,
 * the country national phone numbers are read in),
 * and per column where it goes and its type, over the first rows as they would be read. Every control is a native
 * select or button, so it works from the keyboard; every change re-reads the preview.
 */
export function ImportWizard({ preview, loading, onChange }: WizardProps) {
  const { settings, entity } = preview;
  const fields = fieldsOf(entity);
  const knownEncoding = ENCODINGS.some((option) => option.value === preview.encoding.encoding);
  const columnsWithoutChoices = { ...settings, columns: undefined };
  // Until a locale is chosen, the preview's is the detected one.
  const phoneCountry = preview.locale.defaultCountry ?? '';
  const detectedCountry = settings.locale ? undefined : preview.locale.defaultCountry;

  return (
    <div className="wizard" aria-busy={loading} data-testid="import-wizard">
      <div className="wizard-bar">
        <div className="segmented" role="group" aria-label="The file holds">
          {ENTITY_ORDER.map((option) => (
            <button
              key={option}
              aria-pressed={entity === option}
              // The wizard opens with the keyboard on its first choice; Tab walks through the rest.
              autoFocus={entity === option}
              onClick={() => option !== entity && onChange(option, columnsWithoutChoices)}
            >
              {ENTITY_TEXT[option].label}
            </button>
          ))}
        </div>
        <BarSelect
          label="Encoding"
          value={preview.encoding.encoding}
          options={knownEncoding ? ENCODINGS : [{ value: preview.encoding.encoding, label: preview.encoding.label }, ...ENCODINGS]}
          onChange={(encoding) => onChange(entity, { ...settings, encoding })}
        />
        <BarSelect
          label="Delimiter"
          value={preview.delimiter}
          options={DELIMITERS}
          onChange={(delimiter) => onChange(entity, { ...columnsWithoutChoices, delimiter: delimiter as CsvDelimiter })}
        />
        <BarSelect
          label="Decimal mark"
          value={preview.locale.decimalSeparator}
          options={DECIMAL_MARKS}
          onChange={(mark) => onChange(entity, withLocale(preview, { decimalSeparator: mark === ',' ? ',' : '.' }))}
        />
        <BarSelect
          label="Dates"
          value={preview.locale.dateOrder}
          options={DATE_ORDERS}
          onChange={(order) => onChange(entity, withLocale(preview, { dateOrder: order === 'day-first' ? 'day-first' : 'month-first' }))}
        />
        <BarSelect
          label="Phone country"
          title="The country phone numbers without a country code are read in, when a row names no country"
          value={phoneCountry}
          options={[
            ...(detectedCountry ? [{ value: detectedCountry, label: `Detected: ${phoneCountryLabel(detectedCountry)}` }] : []),
            { value: '', label: 'None' },
            ...(!detectedCountry && phoneCountry && !PHONE_COUNTRIES.some((country) => country.value === phoneCountry)
              ? [{ value: phoneCountry, label: phoneCountry }]
              : []),
            ...PHONE_COUNTRIES.filter((country) => country.value !== detectedCountry),
          ]}
          onChange={(country) => onChange(entity, withLocale(preview, { defaultCountry: country || null }))}
        />
      </div>

      <div className="wizard-notes muted">
        {preview.encoding.provisional
          ? `Read as ${preview.encoding.label} from the first ${formatBytes(preview.sampledBytes)} of ${formatBytes(preview.bytes)}; the import checks the whole file unless you pick an encoding. `
          : `Read as ${preview.encoding.label}. `}
        Showing {Math.min(preview.rows.length, preview.sampleRows)} of the first {preview.sampleRows} rows; types are detected from them.
        {preview.saved?.applied && (
          <div className="wizard-saved" data-testid="saved-mapping">
            Using the mapping saved on {formatWhen(preview.saved.savedAt)} for files with this header.
          </div>
        )}
        {preview.guessedEntity && preview.guessedEntity !== entity && (
          <div>
            The columns look like {preview.guessedEntity}.{' '}
            <button className="btn btn-sm btn-ghost" onClick={() => onChange(preview.guessedEntity ?? entity, columnsWithoutChoices)}>
              Import as {preview.guessedEntity}
            </button>
          </div>
        )}
        {preview.localeWarnings.map((warning) => (
          <div key={warning}>{warning}</div>
        ))}
      </div>

      {preview.columns.length === 0 ? (
        <div className="empty">The header row has no columns. Check the delimiter.</div>
      ) : (
        <div className="wizard-table" role="region" aria-label="Preview of the first rows" tabIndex={0}>
          <table className="table" aria-label="Columns and first rows">
            <thead>
              <tr>
                {preview.columns.map((column, index) => (
                  <th key={index} scope="col" data-target={column.target}>
                    <div className="wizard-header">{column.header || `(column ${index + 1})`}</div>
                    <select
                      className="select"
                      aria-label={`Where “${column.header}” goes`}
                      value={targetValue(column)}
                      onChange={(e) =>
                        onChange(
                          entity,
                          withColumn(preview, index, (choice) => withTarget(choice, index, e.target.value)),
                        )
                      }
                    >
                      <optgroup label={`${ENTITY_TEXT[entity].label} fields`}>
                        {fields.map((field) => (
                          <option key={field.key} value={`canonical:${field.key}`}>
                            {field.label}
                          </option>
                        ))}
                      </optgroup>
                      <option value="custom">Custom attribute ({column.target === 'custom' ? column.key : 'keep as is'})</option>
                      <option value="ignored">Ignore this column</option>
                    </select>
                    <select
                      className="select"
                      aria-label={`Type of “${column.header}”`}
                      value={column.type}
                      disabled={column.target === 'ignored'}
                      onChange={(e) =>
                        onChange(
                          entity,
                          withColumn(preview, index, (choice) => ({ ...choice, type: e.target.value as FieldType })),
                        )
                      }
                    >
                      {TYPES.map((type) => (
                        <option key={type} value={type}>
                          {TYPE_LABELS[type]}
                          {type === column.detectedType ? ' (detected)' : ''}
                        </option>
                      ))}
                    </select>
                    {column.warnings[0] && (
                      <div className="wizard-warning" title={column.warnings.join('\n')}>
                        {column.warnings[0]}
                      </div>
                    )}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {preview.rows.map((row, rowIndex) => (
                <tr key={rowIndex}>
                  {preview.columns.map((column, index) => (
                    <td key={index} data-target={column.target}>
                      {row[index] ?? ''}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          {preview.rows.length === 0 && <div className="empty">The file has a header row but no data rows yet.</div>}
        </div>
      )}
    </div>
  );
}

const DECIMAL_MARKS = [
  { value: '.', label: 'Point (1,234.50)' },
  { value: ',', label: 'Comma (1.234,50)' },
] as const;

const DATE_ORDERS = [
  { value: 'day-first', label: 'Day first (31/12/2026)' },
  { value: 'month-first', label: 'Month first (12/31/2026)' },
] as const;

/** One labelled choice in the wizard's bar; the label names the select for keyboards and screen readers. */
function BarSelect({
  label,
  value,
  options,
  onChange,
  title,
}: {
  label: string;
  value: string;
  options: readonly { value: string; label: string }[];
  onChange: (value: string) => void;
  title?: string;
}) {
  return (
    <label className="field">
      <span>{label}</span>
      <select className="select" value={value} title={title} onChange={(e) => onChange(e.target.value)}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}
