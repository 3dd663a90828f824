import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** "Changed since your last visit" (customers only; the API says false for staff). */
export function ChangedBadge({ changed }: { changed: boolean }) {
  const { t } = useTranslation();
  if (!changed) return null;
  return (
    <Badge size="sm" variant="filled" color="orange" data-testid="contract-changed">
      {t('contract.changed')}
    </Badge>
  );
}
