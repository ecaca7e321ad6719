import { type Mapping, TARGETS, type Target } from './column-mapping';

/** One select per field the upload can fill, each listing the file's columns (with a sample value). */
export function ColumnMapper({
  headers,
  sample,
  mapping,
  onChange,
}: {
  headers: string[];
  sample: string[] | undefined;
  mapping: Mapping;
  onChange: (mapping: Mapping) => void;
}) {
  const set = (target: Target, index: number) => onChange({ ...mapping, [target]: index });
  return (
    <fieldset class="panel mapper">
      <legend>Match the file’s columns</legend>
      {TARGETS.map(({ key, label }) => (
        <div class="field" key={key}>
          <label for={`map-${key}`}>{label}</label>
          <select
            id={`map-${key}`}
            value={String(mapping[key])}
            onChange={(e) => set(key, Number(e.currentTarget.value))}
          >
            <option value="-1">— not in the file —</option>
            {headers.map((header, index) => (
              <option key={`${index}-${header}`} value={String(index)}>
                {header || `Column ${index + 1}`}
                {sample?.[index] ? ` (e.g. ${sample[index].slice(0, 30)})` : ''}
              </option>
            ))}
          </select>
        </div>
      ))}
    </fieldset>
  );
}
