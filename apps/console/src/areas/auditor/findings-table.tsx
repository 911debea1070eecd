import { useTranslation } from 'react-i18next';
import type { AuditFinding } from './audit-types';

/** Findings of a timeline or a replay: what, where (stream and version, log position), why. */
export function FindingsTable({ findings }: { findings: AuditFinding[] }) {
  const { t } = useTranslation('auditor');
  if (findings.length === 0) return <p className="ok">{t('noFindings')}</p>;
  return (
    <div className="table-wrap">
      <table aria-label={t('findings')}>
        <thead>
          <tr>
            <th>{t('finding.kind')}</th>
            <th>{t('finding.source')}</th>
            <th>{t('finding.stream')}</th>
            <th>{t('finding.version')}</th>
            <th>{t('finding.location')}</th>
            <th>{t('finding.detail')}</th>
          </tr>
        </thead>
        <tbody>
          {findings.map((f, i) => (
            <tr key={i} className="finding" data-kind={f.kind}>
              <td className="error">
                <strong>{t(`kinds.${f.kind}`, { defaultValue: f.kind })}</strong> <code>{f.kind}</code>
              </td>
              <td>{f.source}</td>
              <td>
                <code>{f.streamId ?? '—'}</code>
              </td>
              <td>{f.version ?? '—'}</td>
              <td>{f.location ? `${f.location.topic}/${f.location.partition}@${f.location.offset}` : '—'}</td>
              <td className="finding-detail">{f.detail}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
