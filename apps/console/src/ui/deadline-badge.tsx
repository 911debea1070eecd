import { useTranslation } from 'react-i18next';

export interface DeadlineView {
  dueDate: string;
  workingDaysLeft?: number;
  overdue?: boolean;
  provisional?: boolean;
}

/** A deadline as people count it: the date, working days left, overdue marked. */
export function DeadlineBadge({ deadline, overdue }: { deadline?: DeadlineView; overdue?: boolean }) {
  const { t } = useTranslation();
  if (!deadline) return <span>—</span>;
  const late = overdue ?? deadline.overdue ?? false;
  const left = deadline.workingDaysLeft;
  return (
    <span className={late ? 'overdue' : undefined} title={deadline.provisional ? t('deadline.provisional') : undefined}>
      {deadline.dueDate}
      {late ? ` · ${t('deadline.overdue')}` : left !== undefined ? ` · ${t('deadline.daysLeft', { count: left })}` : ''}
      {deadline.provisional ? ' *' : ''}
    </span>
  );
}
