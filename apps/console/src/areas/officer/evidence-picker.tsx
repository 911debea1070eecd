import { useId } from 'react';
import { useTranslation } from 'react-i18next';

export interface PickedFile {
  file: File;
  /** 0..1 while uploading; 1 when notarized. */
  progress: number;
  entryId?: string;
  error?: string;
}

/** Files to attach as evidence; each shows its upload progress once the clue is sent. */
export function EvidencePicker({ files, onChange, disabled }: { files: PickedFile[]; onChange: (f: PickedFile[]) => void; disabled?: boolean }) {
  const { t } = useTranslation('officer');
  const id = useId();
  return (
    <div className="evidence-picker">
      <input
        id={id}
        type="file"
        multiple
        disabled={disabled}
        aria-label={t('form.evidence')}
        onChange={(e) => onChange([...files, ...Array.from(e.target.files ?? []).map((file) => ({ file, progress: 0 }))])}
      />
      <ul>
        {files.map((f, i) => (
          <li key={`${f.file.name}-${i}`}>
            <span>{f.file.name}</span> <small>({Math.ceil(f.file.size / 1024)} KiB)</small>{' '}
            <progress max={1} value={f.progress} aria-label={t('form.uploadProgress', { name: f.file.name })} />{' '}
            {f.entryId && <span className="ok">{t('form.notarized')}</span>}
            {f.error && <span className="error">{f.error}</span>}
            {!disabled && !f.entryId && (
              <button type="button" className="secondary" onClick={() => onChange(files.filter((_, j) => j !== i))}>
                {t('form.remove')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
